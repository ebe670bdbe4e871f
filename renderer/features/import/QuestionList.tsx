// The questions the analysis could not decide, asked explicitly: each must be answered before the
// sheet can be imported (an ambiguous date order is never guessed).

import { useId, type ReactNode } from 'react';
import type { SheetAnalysis } from '../../../shared/api';
import { formatLongDate } from './importFormat';
import { CheckIcon } from './importIcons';
import { useImportStore } from './importStore';
import { chooseAccountId, chooseSnapshotDate, setDateOrder, type SheetDraft } from './mappingDraft';
import { isAnswered, type SheetQuestion } from './sheetQuestions';

interface QuestionListProps {
  index: number;
  analysis: SheetAnalysis;
  questions: SheetQuestion[];
}

export function QuestionList({ index, analysis, questions }: QuestionListProps) {
  if (questions.length === 0) return null;
  const update = (change: (d: SheetDraft) => SheetDraft) => useImportStore.getState().updateDraft(index, change);
  return (
    <div className="questions" data-testid="mapping-questions">
      {questions.map((question) => {
        const key = question.kind === 'accountId' ? 'accountId' : `${question.kind}:${question.header}`;
        const answered = isAnswered(question);
        return (
          <fieldset key={key} className={`question${answered ? ' is-answered' : ' is-open'}`} data-testid="mapping-question" data-answered={answered}>
            {question.kind === 'dateOrder' ? (
              <DateOrderQuestion question={question} onAnswer={(order) => update((d) => setDateOrder(d, question.header, order))} />
            ) : question.kind === 'accountId' ? (
              <AccountIdQuestion question={question} onAnswer={(header) => update((d) => chooseAccountId(d, header))} />
            ) : (
              <RepeatedIdsQuestion question={question} onAnswer={(header) => update((d) => chooseSnapshotDate(d, header, analysis.profiles))} />
            )}
          </fieldset>
        );
      })}
    </div>
  );
}

function Legend({ answered, children }: { answered: boolean; children: ReactNode }) {
  return (
    <legend className="question__legend">
      {answered ? <CheckIcon className="question__check" /> : <span className="question__dot" aria-hidden="true" />}
      <span className="import-visually-hidden">{answered ? 'Answered: ' : 'To answer: '}</span>
      {children}
    </legend>
  );
}

function Choice({ name, checked, onChange, children }: { name: string; checked: boolean; onChange(): void; children: ReactNode }) {
  return (
    <label className="question__choice">
      <input type="radio" name={name} checked={checked} onChange={onChange} />
      <span>{children}</span>
    </label>
  );
}

type Q<K extends SheetQuestion['kind']> = Extract<SheetQuestion, { kind: K }>;

function DateOrderQuestion({ question, onAnswer }: { question: Q<'dateOrder'>; onAnswer(order: 'mdy' | 'dmy'): void }) {
  const name = useId();
  const { sample, header } = question;
  const reading = (order: 'mdy' | 'dmy') => (sample ? `${sample.raw} is ${formatLongDate(order === 'mdy' ? sample.mdy : sample.dmy)}` : null);
  const range = (order: 'mdy' | 'dmy') => {
    const r = question.ranges.find((c) => c.order === order);
    return r?.min && r.max ? `dates from ${r.min} to ${r.max}` : null;
  };
  const option = (order: 'mdy' | 'dmy', label: string) => (
    <Choice name={name} checked={question.answer === order} onChange={() => onAnswer(order)}>
      <strong>{label}</strong>
      {reading(order) ? ` — ${reading(order)}` : null}
      {range(order) ? <span className="question__aside"> ({range(order)})</span> : null}
    </Choice>
  );
  return (
    <>
      <Legend answered={question.answer !== null}>
        Dates in “{header}” could be month/day or day/month
        {sample ? `: ${sample.raw} = ${formatLongDate(sample.dmy)} or ${formatLongDate(sample.mdy)}?` : '. Which is it?'}
      </Legend>
      {option('dmy', 'Day/month')}
      {option('mdy', 'Month/day')}
    </>
  );
}

function AccountIdQuestion({ question, onAnswer }: { question: Q<'accountId'>; onAnswer(header: string): void }) {
  return (
    <>
      <Legend answered={question.answer !== null}>{question.message}</Legend>
      <label className="inline-field">
        <span className="field__label">Account id column</span>
        <select className="select" value={question.answer ?? ''} onChange={(e) => e.target.value && onAnswer(e.target.value)}>
          <option value="" disabled>
            Choose a column…
          </option>
          {question.candidates.map((header) => (
            <option key={header} value={header}>
              {header}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}

function RepeatedIdsQuestion({ question, onAnswer }: { question: Q<'repeatedIds'>; onAnswer(header: string | null): void }) {
  const name = useId();
  return (
    <>
      <Legend answered={question.answer !== undefined}>
        Account ids repeat in “{question.header}”. Which column dates each row?
      </Legend>
      {question.dateColumns.map((header) => (
        <Choice key={header} name={name} checked={question.answer === header} onChange={() => onAnswer(header)}>
          “{header}” is the snapshot date
        </Choice>
      ))}
      <Choice name={name} checked={question.answer === null} onChange={() => onAnswer(null)}>
        None — read one row per account; repeated ids are reported as row problems
      </Choice>
    </>
  );
}

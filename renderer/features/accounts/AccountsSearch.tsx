// The search box over the accounts table: filters by account name or id once typing pauses.

import { useEffect, useState } from 'react';
import { SearchIcon } from '../shell/icons';
import { useAccountsStore } from './accountsStore';
import { useDebouncedValue } from './useDebouncedValue';

export const SEARCH_DEBOUNCE_MS = 200;

export function AccountsSearch() {
  const storedSearch = useAccountsStore((s) => s.query.search);
  const setSearch = useAccountsStore((s) => s.setSearch);
  const [text, setText] = useState(storedSearch);
  const settled = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);

  useEffect(() => {
    setSearch(settled.trim());
  }, [settled, setSearch]);

  // The query was reset from elsewhere (another workspace was opened).
  useEffect(() => {
    setText((current) => (current.trim() === storedSearch ? current : storedSearch));
  }, [storedSearch]);

  return (
    <div className="search">
      <SearchIcon className="search__icon" />
      <input
        className="input search__input"
        type="search"
        aria-label="Search accounts"
        placeholder="Search by name or ID"
        value={text}
        maxLength={500}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && text) {
            e.preventDefault();
            setText('');
          }
        }}
      />
    </div>
  );
}

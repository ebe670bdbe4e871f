// The raw-value profile of the metric being edited, from the scoring worker; asked again whenever
// the worker has applied a newer draft (a new method can change what the values mean, e.g. days).

import { useEffect, useState } from 'react';
import type { MetricProfile } from '../scoring/protocol';
import { scoringClient, useScoringStore } from '../scoring/scoringStore';

const PROFILE_BINS = 40;

export function useMetricProfile(metricId: string): { profile: MetricProfile | null; error: string | null } {
  const revision = useScoringStore((s) => s.summary?.revision ?? 0);
  const [state, setState] = useState<{ profile: MetricProfile | null; error: string | null }>({ profile: null, error: null });
  useEffect(() => {
    if (!revision) return;
    let live = true;
    scoringClient
      .call('metricProfile', { metricId, bins: PROFILE_BINS })
      .then((profile) => live && setState({ profile, error: null }))
      .catch((error: Error) => live && setState({ profile: null, error: error.message }));
    return () => {
      live = false;
    };
  }, [metricId, revision]);
  return state;
}

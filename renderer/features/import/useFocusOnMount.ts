import { useEffect, useRef } from 'react';

/** A ref whose element takes the focus when it mounts: each step's heading, so keyboard and screen-reader users land on the new step. */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}

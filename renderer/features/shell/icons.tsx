// A few small stroke icons drawn inline (no icon font, nothing fetched).

import type { SVGProps } from 'react';

type IconProps = SVGProps<SVGSVGElement>;

function Icon({ children, ...props }: IconProps) {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...props}
    >
      {children}
    </svg>
  );
}

export const AlertIcon = (props: IconProps) => (
  <Icon {...props}>
    <circle cx="8" cy="8" r="6.25" />
    <path d="M8 4.75v3.75M8 11.1v.15" />
  </Icon>
);

export const CloseIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M4.5 4.5l7 7M11.5 4.5l-7 7" />
  </Icon>
);

export const ChevronDownIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M4.5 6.25L8 9.75l3.5-3.5" />
  </Icon>
);

export const SearchIcon = (props: IconProps) => (
  <Icon {...props}>
    <circle cx="7" cy="7" r="4.25" />
    <path d="M10.25 10.25L13 13" />
  </Icon>
);

export const SortIcon = ({ sortDirection: direction, ...props }: IconProps & { sortDirection: 'asc' | 'desc' | null }) => (
  <Icon {...props} className={`sort-icon${direction ? ' sort-icon--active' : ''}`}>
    {direction === 'asc' ? <path d="M8 12.5v-9M4.75 6.75L8 3.5l3.25 3.25" /> : null}
    {direction === 'desc' ? <path d="M8 3.5v9M4.75 9.25L8 12.5l3.25-3.25" /> : null}
    {direction === null ? <path d="M5.25 6.25L8 3.5l2.75 2.75M5.25 9.75L8 12.5l2.75-2.75" /> : null}
  </Icon>
);

/** The app mark: a small gauge. */
export const LogoMark = (props: IconProps) => (
  <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false" {...props}>
    <rect width="20" height="20" rx="5" className="logo-mark__bg" />
    <path d="M5 13a5 5 0 0 1 10 0" fill="none" strokeWidth="1.8" strokeLinecap="round" className="logo-mark__arc" />
    <path d="M10 13l2.6-3.4" fill="none" strokeWidth="1.8" strokeLinecap="round" className="logo-mark__needle" />
  </svg>
);

export const LockIcon = ({ locked, ...props }: IconProps & { locked: boolean }) => (
  <Icon {...props}>
    <rect x="3.5" y="7.25" width="9" height="6.25" rx="1.5" />
    {locked ? <path d="M5.5 7.25V5.5a2.5 2.5 0 0 1 5 0v1.75" /> : <path d="M5.5 7.25V5.5a2.5 2.5 0 0 1 4.9-.7" />}
  </Icon>
);

export const UndoIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M5.5 3.75L2.75 6.5 5.5 9.25" />
    <path d="M2.75 6.5h6.5a3.75 3.75 0 0 1 0 7.5H7" />
  </Icon>
);

export const RedoIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M10.5 3.75l2.75 2.75-2.75 2.75" />
    <path d="M13.25 6.5h-6.5a3.75 3.75 0 0 0 0 7.5H9" />
  </Icon>
);

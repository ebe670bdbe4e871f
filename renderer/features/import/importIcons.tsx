// The import's icons, drawn like the shell's (16 px, 1.5 stroke, currentColor).

import type { SVGProps } from 'react';

type IconProps = SVGProps<SVGSVGElement>;

function Icon({ children, ...props }: IconProps) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false" {...props}>
      {children}
    </svg>
  );
}

export const UploadIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M8 10.5V3M5 5.75L8 2.75l3 3M3 10.5v1.75c0 .55.45 1 1 1h8c.55 0 1-.45 1-1V10.5" />
  </Icon>
);

export const SheetIcon = (props: IconProps) => (
  <Icon {...props}>
    <rect x="2.75" y="2.75" width="10.5" height="10.5" rx="1.5" />
    <path d="M2.75 6.25h10.5M2.75 9.75h10.5M6.25 6.25v7" />
  </Icon>
);

export const CheckIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M3.5 8.25l3 3 6-6.5" />
  </Icon>
);

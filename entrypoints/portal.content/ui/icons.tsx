/** The banner's icons: decorative (the words say it all), so hidden from assistive technology. */
import type { ComponentChildren } from 'preact';
import type { MailboxKind } from '@/utils/protocol/shapes';

function Icon({
  size = 20,
  className = 'icon',
  children,
}: {
  size?: number;
  className?: string;
  children: ComponentChildren;
}) {
  return (
    <svg aria-hidden="true" focusable="false" width={size} height={size} viewBox="0 0 24 24" class={className}>
      {children}
    </svg>
  );
}

const stroke = { fill: 'none', stroke: 'currentColor', 'stroke-width': 2 } as const;

export function KindIcon({ kind }: { kind: MailboxKind }) {
  if (kind === 'personal') {
    return (
      <Icon>
        <circle cx="12" cy="8" r="4" {...stroke} />
        <path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7" {...stroke} />
      </Icon>
    );
  }
  if (kind === 'organisational') {
    return (
      <Icon>
        <path d="M3 21V8l9-5 9 5v13" {...stroke} stroke-linejoin="round" />
        <path d="M8 21v-6h8v6M8 10h2M14 10h2" {...stroke} />
      </Icon>
    );
  }
  return (
    <Icon>
      <circle cx="12" cy="12" r="9" {...stroke} />
      <path d="M9.5 9a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.7M12 17h.01" {...stroke} stroke-linecap="round" />
    </Icon>
  );
}

export function WarningIcon() {
  return (
    <Icon>
      <path d="M12 3 2 21h20L12 3z" {...stroke} stroke-linejoin="round" />
      <path d="M12 10v5M12 18h.01" {...stroke} stroke-linecap="round" />
    </Icon>
  );
}

export function ChevronIcon({ up }: { up: boolean }) {
  return (
    <Icon size={16} className="chevron">
      <path d={up ? 'M6 15l6-6 6 6' : 'M6 9l6 6 6-6'} {...stroke} stroke-width="2.5" stroke-linecap="round" />
    </Icon>
  );
}

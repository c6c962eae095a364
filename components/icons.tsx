/** The banner's icons: decorative (the words say it all), so hidden from assistive technology. */
import type { MailboxKind } from '@/utils/schemas';

const common = { width: 20, height: 20, viewBox: '0 0 24 24', 'aria-hidden': true, focusable: 'false' } as const;

export function KindIcon({ kind }: { kind: MailboxKind }) {
  if (kind === 'personal') {
    return (
      <svg {...common} class="icon">
        <circle cx="12" cy="8" r="4" fill="none" stroke="currentColor" stroke-width="2" />
        <path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7" fill="none" stroke="currentColor" stroke-width="2" />
      </svg>
    );
  }
  if (kind === 'organisational') {
    return (
      <svg {...common} class="icon">
        <path d="M3 21V8l9-5 9 5v13" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" />
        <path d="M8 21v-6h8v6M8 10h2M14 10h2" fill="none" stroke="currentColor" stroke-width="2" />
      </svg>
    );
  }
  return (
    <svg {...common} class="icon">
      <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" stroke-width="2" />
      <path
        d="M9.5 9a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.7M12 17h.01"
        fill="none"
        stroke="currentColor"
        stroke-width="2"
        stroke-linecap="round"
      />
    </svg>
  );
}

export function WarningIcon() {
  return (
    <svg {...common} class="icon">
      <path d="M12 3 2 21h20L12 3z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" />
      <path d="M12 10v5M12 18h.01" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
    </svg>
  );
}

export function ChevronIcon({ up }: { up: boolean }) {
  return (
    <svg {...common} width={16} height={16} class="chevron">
      <path
        d={up ? 'M6 15l6-6 6 6' : 'M6 9l6 6 6-6'}
        fill="none"
        stroke="currentColor"
        stroke-width="2.5"
        stroke-linecap="round"
      />
    </svg>
  );
}

/** The lock line over private content (notes, minutes, the hearing sheet): says it never leaves this machine. */
export function PrivacyNotice({ text }: Readonly<{ text: string }>) {
  return (
    <p className="privacy">
      <svg viewBox="0 0 20 20" width="14" height="14" aria-hidden="true">
        <path d="M6 9V6.5a4 4 0 0 1 8 0V9M5 9h10v8H5z" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
      </svg>
      {text}
    </p>
  );
}

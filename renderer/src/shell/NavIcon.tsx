import type { SectionId } from './sections';

/** Small line icons drawn inline as SVG elements (no data: URLs, no icon font). */
const paths: Readonly<Record<SectionId, string>> = {
  cases: 'M3 5.5h14M3 10h14M3 14.5h9',
  agenda: 'M4 5h12v11H4zM4 8.5h12M7.5 3v3.5M12.5 3v3.5',
  documents: 'M6 3h6l3 3v11H6zM12 3v3h3M8.5 10h4M8.5 13h4',
  agreements: 'M4 15.5c2-1 3-4 5-4s1.5 3 3.5 3 2.5-2 3.5-2M5 4.5h10v5H5z',
  dashboard: 'M4 16V9M8.5 16V5M13 16v-4.5M17 16V7',
};

export function NavIcon({ section }: Readonly<{ section: SectionId }>) {
  return (
    <svg className="nav-icon" viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={paths[section]} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** The spinner the documents tab shows while something loads. */
export function Loading() {
  return (
    <div className="viewer-loading" aria-busy="true">
      <div className="spinner" />
    </div>
  );
}

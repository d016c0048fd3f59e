/** A page's title with the period its figures cover (`1 oct. 2024 – 31 oct. 2024`), as the filter bar set it. */
export function PageHeading({ title, when }: { title: string; when: string }) {
  return (
    <h1>
      {title} <span className="h1-period">{when}</span>
    </h1>
  );
}

/** @jsxRuntime automatic */
/** @jsxImportSource react */

/** Text a person typed, its line breaks as <br> (so the plain-text part keeps them too); never HTML. */
export function TextLines({ text }: { text: string }) {
  return text.split(/\r?\n/).map((line, index) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: the lines are static text in their order
    <span key={index}>
      {index > 0 ? <br /> : null}
      {line}
    </span>
  ));
}

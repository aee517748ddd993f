/** A short, polite message in place of a story (never an empty or half-drawn view). */
export function Notice({ message, detail }: { message: string; detail?: string }) {
  return (
    <div class="notice" role="status">
      <p class="notice-message">{message}</p>
      {detail ? <p class="notice-detail">{detail}</p> : null}
    </div>
  );
}

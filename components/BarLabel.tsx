/**
 * A bar button's word, and the sign that stands for it where the bar is too narrow for words (the
 * word stays, visually hidden, as the button's name).
 */
export function BarLabel({ icon, text }: { icon: string; text: string }) {
  return (
    <>
      <span class="bar-icon" aria-hidden="true">
        {icon}
      </span>
      <span class="bar-text">{text}</span>
    </>
  );
}

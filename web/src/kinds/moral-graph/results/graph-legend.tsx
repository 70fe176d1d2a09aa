/** What the drawing's sizes, widths and dashes mean. */
export function GraphLegend({ widthMeans, groupLabel }: { widthMeans: "groups" | "votes"; groupLabel: string | null }) {
  return (
    <ul className="legend" aria-label="Legend">
      <li>
        <svg width="28" height="14" aria-hidden="true">
          <circle cx="5" cy="7" r="4" fill="#3b6fd8" />
          <circle cx="19" cy="7" r="7" fill="#3b6fd8" />
        </svg>
        Larger value: judged wiser by more people
      </li>
      <li>
        <svg width="34" height="10" aria-hidden="true">
          <line x1="0" y1="5" x2="26" y2="5" stroke="#97a0af" strokeWidth="3" />
          <path d="M26 1 L34 5 L26 9 Z" fill="#97a0af" />
        </svg>
        Arrow points to the wiser value;{" "}
        {widthMeans === "groups" ? `thicker: endorsed by more ${groupLabel ?? "groups"}` : "thicker: more people agreed"}
      </li>
      <li>
        <svg width="34" height="10" aria-hidden="true">
          <line x1="0" y1="5" x2="34" y2="5" stroke="#c2410c" strokeWidth="3" strokeDasharray="6 4" />
        </svg>
        Dashed: contested (people disagree on the direction)
      </li>
    </ul>
  );
}

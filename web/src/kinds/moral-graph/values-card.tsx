import { t } from "../../i18n/i18n.ts";
import type { CardContent } from "../../lib/types.ts";

/** Shows "MOMENTS when …" with its leading capitalised word set apart. */
export function Policy({ text }: { text: string }) {
  const m = /^([A-Z][A-Z'’-]{2,})(\s.*)$/.exec(text);
  if (!m) return <>{text}</>;
  return (
    <>
      <span className="policy-word">{m[1]}</span>
      {m[2]}
    </>
  );
}

/** A values card: title, description and the attention policies. */
export function ValuesCard({
  card,
  heading: Heading = "h3",
  label,
  className,
  showTitle = true,
}: {
  card: CardContent;
  heading?: "h2" | "h3" | "h4";
  label?: string;
  className?: string;
  showTitle?: boolean;
}) {
  return (
    <article className={className ? `values-card ${className}` : "values-card"}>
      {label && <p className="small muted">{label}</p>}
      {showTitle && <Heading>{card.title}</Heading>}
      <p>{card.description}</p>
      {card.policies.length > 0 && (
        <>
          <p className="small muted">{t("card.livingBy")}</p>
          <ul>
            {card.policies.map((policy, i) => (
              <li key={i}>
                <Policy text={policy} />
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}

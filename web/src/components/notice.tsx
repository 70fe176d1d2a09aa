import type { ReactNode } from "react";
import { messageOf } from "../lib/api.ts";

export function ErrorNotice({ error, title, children }: { error: unknown; title?: string; children?: ReactNode }) {
  if (!error) return null;
  return (
    <div className="notice error" role="alert">
      {title && <p><strong>{title}</strong></p>}
      <p>{messageOf(error)}</p>
      {children}
    </div>
  );
}

export function SuccessNotice({ children }: { children: ReactNode }) {
  return (
    <div className="notice success" role="status">
      {children}
    </div>
  );
}

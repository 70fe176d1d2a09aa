import { secureHeaders } from "hono/secure-headers";

/**
 * The headers every response carries, so that a browser confines the web app to this origin: no
 * script that is not a file this server sent (no inline script, no eval), no framing by another
 * site, no content-type sniffing, no full URL (which holds campaign and invite ids) sent as the
 * referrer to other sites. Styles may be inline: React and the graph drawing set them, and a style
 * cannot run code. The graph's layout worker is a script file of this origin.
 */
export const securityHeaders = () =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", "data:"],
      connectSrc: ["'self'"],
      workerSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: "DENY",
    xContentTypeOptions: "nosniff",
    referrerPolicy: "strict-origin-when-cross-origin",
    crossOriginOpenerPolicy: "same-origin",
    crossOriginResourcePolicy: "same-origin",
    // HTTPS is the proxy's to decide (deploy/): a server on 127.0.0.1 speaks plain HTTP.
    strictTransportSecurity: false,
    xXssProtection: false,
  });

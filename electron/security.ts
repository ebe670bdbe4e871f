// The one Content-Security-Policy of the app, for the HTTP host's headers and Electron's responses.
// The renderer's index.html carries the same policy as a meta tag (a test keeps them equal).
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

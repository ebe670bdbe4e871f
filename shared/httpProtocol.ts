// How browser mode carries the api over HTTP. Both the host and the renderer's client import these
// names so the two cannot drift apart.

/** POST `${API_PATH_PREFIX}<method>` with a wire-encoded argument object; answers a wire-encoded envelope. */
export const API_PATH_PREFIX = '/api/';
/** Every api request carries the per-run token in this header. */
export const TOKEN_HEADER = 'x-healthscore-token';
/** The printed URL carries the token in this query parameter; the page moves it to sessionStorage. */
export const TOKEN_QUERY_PARAM = 'token';
export const WIRE_CONTENT_TYPE = 'application/vnd.healthscore.wire';

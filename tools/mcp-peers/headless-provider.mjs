// An OAuthClientProvider for the MCP TypeScript SDK that needs no browser: it uses a pre-registered client
// (Salesforce has no dynamic client registration) and follows the authorize URL itself. The emulator's auto-login
// mode (--auto-login) answers that request at once with the redirect carrying the code for the login_hint user.
export const REDIRECT = process.env.REDIRECT_URI ?? 'http://localhost:8765/callback';

export class HeadlessProvider {
  constructor(log = () => {}) { this.log = log; }
  get redirectUrl() { return REDIRECT; }
  get clientMetadata() {
    return {
      client_name: 'sfmcp headless peer', redirect_uris: [REDIRECT],
      grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'],
      token_endpoint_auth_method: process.env.CLIENT_SECRET ? 'client_secret_post' : 'none',
    };
  }
  clientInformation() {
    return {
      client_id: process.env.CLIENT_ID ?? 'sfmcp-demo-client',
      ...(process.env.CLIENT_SECRET ? { client_secret: process.env.CLIENT_SECRET } : {}),
    };
  }
  tokens() { return this.t; }
  saveTokens(t) { this.t = t; }
  saveCodeVerifier(v) { this.v = v; }
  codeVerifier() { return this.v; }
  async redirectToAuthorization(url) {
    url.searchParams.set('login_hint', process.env.LOGIN_HINT ?? 'rep@acme.example');
    this.log(`authorize: ${url.origin}${url.pathname}`);
    const r = await fetch(url, { redirect: 'manual' });
    const location = r.headers.get('location');
    if (r.status !== 302 || !location) {
      throw new Error(`authorize did not redirect (HTTP ${r.status}); is the emulator running with --auto-login?`);
    }
    const back = new URL(location, url);
    if (back.searchParams.get('error')) {
      throw new Error(`authorize refused: ${back.searchParams.get('error')}: ${back.searchParams.get('error_description')}`);
    }
    this.code = back.searchParams.get('code');
  }
}

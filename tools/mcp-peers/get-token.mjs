// usage: node get-token.mjs <mcp-url>
// Runs the SDK's discovery + PKCE flow against the emulator (auto-login) and prints the access token only.
import { auth } from '@modelcontextprotocol/sdk/client/auth.js';
import { HeadlessProvider } from './headless-provider.mjs';

const url = process.argv[2];
const provider = new HeadlessProvider();
if ((await auth(provider, { serverUrl: url })) !== 'REDIRECT') throw new Error('expected the authorize redirect');
if ((await auth(provider, { serverUrl: url, authorizationCode: provider.code })) !== 'AUTHORIZED') throw new Error('code exchange failed');
console.log(provider.tokens().access_token);

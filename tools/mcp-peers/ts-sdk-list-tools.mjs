// usage: node ts-sdk-list-tools.mjs <mcp-url>
// The MCP TypeScript SDK discovers the authorization server from the 401, logs in through the headless provider,
// exchanges the code with PKCE, then lists tools. Prints one JSON line: {"tools":[...], "authorizationServer":...}.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { HeadlessProvider } from './headless-provider.mjs';

const url = new URL(process.argv[2]);
const steps = [];
const provider = new HeadlessProvider((line) => steps.push(line));
const transport = () => new StreamableHTTPClientTransport(url, { authProvider: provider });

let client = new Client({ name: 'sfmcp-ts-peer', version: '1.0.0' });
let t = transport();
try {
  await client.connect(t);
} catch (e) {
  if (!(e instanceof UnauthorizedError)) throw e;
  await t.finishAuth(provider.code);
  client = new Client({ name: 'sfmcp-ts-peer', version: '1.0.0' });
  t = transport();
  await client.connect(t);
}
const tools = (await client.listTools()).tools.map((tool) => tool.name);
const call = await client.callTool({ name: 'soqlQuery', arguments: { q: 'SELECT Id FROM Account LIMIT 1' } });
console.log(JSON.stringify({
  tools, steps, tokenType: provider.tokens()?.token_type, hasRefreshToken: Boolean(provider.tokens()?.refresh_token),
  callIsError: call.isError === true, callText: call.content?.[0]?.text ?? null,
}));
await t.terminateSession().catch(() => {});
await client.close();

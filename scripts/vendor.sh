#!/usr/bin/env bash
# Builds clew/serve/static/vendor: the browser libraries the network, routes and timeline pages
# draw with, installed by `npm ci` exactly as package-lock.json pins them, then copied into the
# package with their licence texts so a wheel carries everything a page loads (no CDN, ever).
#   cytoscape        MIT   the network graph
#   d3               ISC   the map projection, the timeline's scales, axes and brush
#   topojson-client  ISC   decodes the country boundaries
#   world-atlas      ISC   Natural Earth 1:50m country boundaries (the data: public domain)
set -euo pipefail
out=${1:-clew/serve/static/vendor}
command -v npm >/dev/null || {
    echo "npm not found: install Node.js 20 and npm (apt-get install nodejs npm), then re-run make" >&2
    exit 1
}
npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
rm -rf "$out"
mkdir -p "$out"
cp node_modules/cytoscape/dist/cytoscape.min.js "$out/"
cp node_modules/cytoscape/LICENSE "$out/cytoscape.LICENSE"
cp node_modules/d3/dist/d3.min.js "$out/"
cp node_modules/d3/LICENSE "$out/d3.LICENSE"
cp node_modules/topojson-client/dist/topojson-client.min.js "$out/"
cp node_modules/topojson-client/LICENSE "$out/topojson-client.LICENSE"
cp node_modules/world-atlas/countries-50m.json "$out/"
cp node_modules/world-atlas/LICENSE "$out/world-atlas.LICENSE"
cat > "$out/README" <<'TEXT'
Built by scripts/vendor.sh from package-lock.json (make vendor); do not edit, do not commit.

cytoscape.min.js          cytoscape        MIT   cytoscape.LICENSE
d3.min.js                 d3               ISC   d3.LICENSE
topojson-client.min.js    topojson-client  ISC   topojson-client.LICENSE
countries-50m.json        world-atlas      ISC   world-atlas.LICENSE
                          boundaries from Natural Earth (naturalearthdata.com), public domain
TEXT

// Bundles the dashboard's chart module (tree-shaken ECharts) into wwwroot/dist, minified.
// Run by the BuildDashboardCharts target in FleetCast.Dashboard.csproj (and `npm run build`).
import { build } from 'esbuild';

await build({
  entryPoints: ['Scripts/fleetcast-charts.js'],
  outfile: 'wwwroot/dist/fleetcast-charts.js',
  bundle: true,
  format: 'esm',
  minify: true,
  target: ['es2020'],
  legalComments: 'none',
  logLevel: 'warning',
});

/**
 * Builds the add-in's web part, after Microsoft's Office-Addin-TaskPane-React
 * template: one entry and page per Office surface.
 *   taskpane  → taskpane.html  (the task pane; also the shared runtime that runs the ribbon's Validera)
 *   commands  → commands.html  (the ribbon functions on their own, for hosts without a shared runtime)
 * Assets and the manifest are copied; in the built manifest the development base
 * URL https://localhost:3000/ is replaced with ADDIN_BASE_URL (e.g.
 * ADDIN_BASE_URL=https://addins.example.se/avvikelsekollen/ npm run build).
 *
 * The pages load office.js from Microsoft's CDN (a store requirement). A
 * Content-Security-Policy in each page allows scripts only from the add-in's
 * own origin and that CDN, no eval, and no network connections (connect-src 'none').
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const MiniCssExtractPlugin = require('mini-css-extract-plugin');
const { GriffelCSSExtractionPlugin } = require('@griffel/webpack-extraction-plugin');

const DEV_BASE = 'https://localhost:3000/';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const PORT = Number(process.env.npm_package_config_dev_server_port || process.env.PORT || 3000);

function baseUrl() {
  const url = process.env.ADDIN_BASE_URL;
  if (!url) return DEV_BASE;
  if (!/^https:\/\//.test(url) && !/^http:\/\/localhost[:/]/.test(url)) {
    throw new Error(`ADDIN_BASE_URL must be an https:// URL (Office loads add-ins only over HTTPS), got ${url}`);
  }
  return url.endsWith('/') ? url : `${url}/`;
}

/** The page's Content-Security-Policy. Development adds the dev server's websocket. */
function csp(dev) {
  return [
    "default-src 'self'",
    `script-src 'self' https://appsforoffice.microsoft.com`,
    // The class rules are a static file (Griffel's extraction, below); FluentProvider still
    // inserts its theme's CSS variables at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    dev ? "connect-src 'self' ws://localhost:* wss://localhost:*" : "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/** HTTPS options for the dev server: Office's dev certificates where they exist, else plain http (demo only). */
async function devServerHttps() {
  if (process.env.DEV_SERVER_HTTP === '1') return undefined;
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const files = { ca: 'ca.crt', cert: 'localhost.crt', key: 'localhost.key' };
  if (Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) {
    return Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))]));
  }
  if (process.platform === 'win32' || process.platform === 'darwin') {
    try {
      // Creates and trusts a localhost certificate on first use (asks for permission).
      return await require('office-addin-dev-certs').getHttpsServerOptions();
    } catch (err) {
      console.warn(`office-addin-dev-certs: ${err.message}\nServing over http: enough for demo mode, not for sideloading.`);
      return undefined;
    }
  }
  console.warn('No Office dev certificates on this machine: serving over http (demo mode in a browser works; Office needs https).');
  return undefined;
}

module.exports = async (env, options) => {
  const dev = options.mode !== 'production';
  const target = baseUrl();
  const https = env && env.WEBPACK_SERVE ? await devServerHttps() : undefined;

  return {
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'source-map' : false,
    entry: {
      // The page's first, small script (decides demo mode at once and starts its downloads);
      // the pane's bundle depends on it (one webpack runtime for both).
      boot: './src/taskpane/boot.ts',
      taskpane: { import: './src/taskpane/index.tsx', dependOn: 'boot' },
      commands: './src/commands/commands.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].js' : '[name].[contenthash:8].js',
      publicPath: '',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      // Loaders run bottom to top: TypeScript → Griffel's build-time styles → CSS extraction.
      rules: [
        {
          // Every makeStyles/__styles call (ours and Fluent UI's, whose packages ship them
          // precomputed) loses its CSS to one static stylesheet: the page no longer computes
          // and inserts its class rules at run time.
          test: /\.(js|ts|tsx)$/,
          include: [path.join(__dirname, 'src'), /[\\/]node_modules[\\/]@fluentui[\\/]/],
          use: { loader: GriffelCSSExtractionPlugin.loader },
        },
        {
          // Our makeStyles calls evaluated at build time (the precomputed __styles form).
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: '@griffel/webpack-loader' },
        },
        { test: /\.css$/, use: [MiniCssExtractPlugin.loader, 'css-loader'] },
        {
          // The engine and the example data do nothing when loaded, so a chunk that imports one
          // function from the engine's front door (src/engine/index.ts) gets only the modules that
          // function needs, not the whole engine.
          test: /\.tsx?$/,
          include: [path.join(__dirname, 'src', 'engine'), path.join(__dirname, 'src', 'example')],
          sideEffects: false,
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              // Type checking is `npx tsc --noEmit -p .`; here only transpile, to ES modules so webpack can tree-shake and split.
              transpileOnly: true,
              compilerOptions: { module: 'es2020', sourceMap: dev, target: 'es2019' },
            },
          },
        },
      ],
    },
    optimization: {
      splitChunks: {
        chunks: 'async',
        cacheGroups: {
          // React and React DOM, a first-paint file of their own: the first render runs most of
          // React DOM, so it carries the compile hint below (the rest of the pane's bundle does not).
          react: { test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, name: 'react', chunks: 'initial', enforce: true },
        },
      },
    },
    performance: {
      hints: dev ? false : 'warning',
      // Issue 5's target: task-pane JS before first paint ≤ 200 KB gzipped (≈ 700 KB minified).
      maxEntrypointSize: 750000,
      maxAssetSize: 750000,
    },
    plugins: [
      new MiniCssExtractPlugin({ filename: dev ? '[name].css' : '[name].[contenthash:8].css', ignoreOrder: true }),
      new GriffelCSSExtractionPlugin(),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['boot', 'taskpane'],
        chunksSortMode: 'manual',
        scriptLoading: 'defer',
        templateParameters: { csp: csp(dev), officeJs: OFFICE_JS },
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
        scriptLoading: 'defer',
        templateParameters: { csp: csp(dev), officeJs: OFFICE_JS },
      }),
      // The chunks loaded on demand (the workbook adapter, the engine's checks, the demo
      // workbook, the commentary) run almost all of their code once loaded: V8 then
      // compiles such a file eagerly, on the background thread that streams it in, instead
      // of function by function on the main thread when Validera first calls it (Chromium's
      // explicit compile hints; other engines ignore the comment): the 40-sheet check ≈ 15 %
      // less main-thread time. Also React's first-paint file (most of it runs in the first
      // render: main-thread CPU navigation → list ≈ 30–50 ms less, the other threads about as
      // much more, the page no later). Not the rest of the first-paint bundle: compiling all of
      // it (much of Fluent UI and tabster is never called) made it arrive later than its lazy
      // compilation costs (DOMContentLoaded 543 → 641 ms, medians of 8; with the extracted styles
      // main-thread CPU ≈ 60 ms less, the other threads ≈ 80–135 ms more, the list no earlier
      // at load 3–7). Added after minification.
      new webpack.BannerPlugin({
        banner: '//# allFunctionsCalledOnLoad',
        raw: true,
        test: /[.]js$/,
        exclude: /^(boot|taskpane|commands)[.]/,
        stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE + 1,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/taskpane/support.html', to: 'support.html' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => content.toString().split(DEV_BASE).join(target),
          },
        ],
      }),
    ],
    devServer: {
      port: PORT,
      hot: false,
      liveReload: true,
      client: { overlay: false },
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: https ? { type: 'https', options: https } : { type: 'http' },
      // Everything is served from memory (the bundles and the copied assets and manifest).
      static: false,
    },
  };
};

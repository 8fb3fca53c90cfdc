// A Docusaurus site, cut down to what `intercom sync` reads: the site URL is
// url + baseUrl + the docs' routeBasePath (https://docs.example.com/docs/).
/** @type {import('@docusaurus/types').Config} */
const config = {
  title: 'Parcelwise Docs',
  url: 'https://docs.example.com',
  baseUrl: '/',
  presets: [
    [
      'classic',
      {
        docs: {
          routeBasePath: 'docs',
          sidebarPath: './sidebars.js',
        },
      },
    ],
  ],
};

module.exports = config;

// @ts-check
import { render } from 'preact';
import { html } from './views/html.js';
import { App } from './views/app.js';

const root = document.getElementById('app');
if (root) {
  root.replaceChildren();
  render(html`<${App} />`, root);
}

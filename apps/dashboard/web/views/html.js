// @ts-check
import { h } from 'preact';
import htm from 'htm';

/** Tagged templates for Preact: markup in plain JavaScript, nothing to compile. */
export const html = htm.bind(h);

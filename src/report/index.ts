export { type DocumentPart, type FitResult, fitToBudget, type Omission } from './budget.js';
export { escapeText, inlineCode, tableHeader, tableRow, toSingleLine, truncateText } from './escape.js';
export { type JsonOptions, REPORT_FORMAT, renderJson } from './json.js';
export {
  DEFAULT_MARKER,
  DEFAULT_MAX_CHARS,
  type MarkdownOptions,
  markerComment,
  renderMarkdown,
} from './markdown/document.js';
export { trendChart } from './markdown/trend.js';
export { renderText, type TextOptions } from './text.js';

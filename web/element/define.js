// web/element/define.js - registers <ward-calculator>; importing this module is all a host page needs.
import { WardCalculator } from './ward-calculator.js';

export function define(tag = 'ward-calculator', registry = customElements) {
  if (!registry.get(tag)) registry.define(tag, class extends WardCalculator {});
  return registry.get(tag);
}

define();

// Jest setup provided by Grafana scaffolding
import './.config/jest-setup';

// jsdom has no IntersectionObserver; @grafana/ui's Drawer and virtualised lists expect one.
class IntersectionObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
  takeRecords() {
    return [];
  }
}
Object.assign(global, { IntersectionObserver: IntersectionObserverStub });

// @grafana/ui's Combobox measures option text on a canvas; jsdom has none.
if (typeof HTMLCanvasElement !== 'undefined' && HTMLCanvasElement.prototype) {
  HTMLCanvasElement.prototype.getContext = () => ({ measureText: (text) => ({ width: String(text).length * 7 }) });
}

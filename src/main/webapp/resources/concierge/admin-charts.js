/*
 * Formats the charts of the admin pages in the browser. The server sends hours as instants and
 * durations as seconds; people read them in their own time zone, in hours, minutes and seconds.
 * PrimeFaces calls these functions as chart extenders, with the chart widget as `this`, before it
 * draws the chart.
 */
(() => {
  "use strict";

  const HOUR = 3600 * 1000;

  const hourOf = (instant) =>
    new Date(instant).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

  /* As the server words durations: milliseconds under a second, tenths under ten, else the two
     largest units. */
  const duration = (seconds) => {
    if (seconds === null || seconds === undefined || Number.isNaN(seconds)) {
      return "–";
    }
    if (seconds < 0.9995) {
      return `${Math.round(seconds * 1000)} ms`;
    }
    if (seconds < 9.95) {
      return `${seconds.toFixed(1)} s`;
    }
    const total = Math.round(seconds);
    const units = [
      [Math.floor(total / 86400), "d"],
      [Math.floor((total % 86400) / 3600), "h"],
      [Math.floor((total % 3600) / 60), "min"],
      [total % 60, "s"],
    ];
    const first = units.findIndex(([amount]) => amount > 0);
    return units
      .slice(first, first + 2)
      .filter(([amount], i) => i === 0 || amount > 0)
      .map(([amount, unit]) => `${amount} ${unit}`)
      .join(" ");
  };

  const localHours = (config) => {
    const x = config.options.scales.x;
    x.ticks = {
      ...x.ticks,
      maxRotation: 0,
      autoSkip: true,
      maxTicksLimit: 8,
      callback(value) {
        return hourOf(this.getLabelForValue(value));
      },
    };
    const plugins = config.options.plugins;
    plugins.tooltip = plugins.tooltip || {};
    plugins.tooltip.callbacks = {
      ...plugins.tooltip.callbacks,
      title: (items) => {
        if (!items.length) {
          return "";
        }
        const start = new Date(items[0].label);
        return `${hourOf(start)} – ${hourOf(new Date(start.getTime() + HOUR))}`;
      },
    };
  };

  window.ConciergeCharts = {
    hourly() {
      localHours(this.cfg.config);
    },
    durations() {
      const config = this.cfg.config;
      localHours(config);
      config.options.scales.y.ticks = {
        ...config.options.scales.y.ticks,
        maxTicksLimit: 6,
        callback: duration,
      };
      config.options.plugins.tooltip.callbacks.label = (item) =>
        `${item.dataset.label}: ${duration(item.parsed.y)}`;
    },
  };
})();

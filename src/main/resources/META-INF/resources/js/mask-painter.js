/*
 * Mask painter for inpainting (plain script, attached at runtime by MaskPainterDialog).
 *
 * The stage holds the image and a canvas of the image's natural size. Strokes are kept as a list of actions and
 * replayed into an offscreen mask canvas, so undo costs no pixel snapshots. Painted = the area that may change.
 * The export is a PNG of exactly the natural size: painted pixels alpha 0, everything else opaque black.
 */
(function () {
  'use strict';

  if (window.studioMaskPainter) {
    return;
  }

  function state(stage) {
    const s = stage.__maskPainter;
    if (!s) {
      throw new Error('mask painter not initialised');
    }
    return s;
  }

  function init(stage, width, height, size) {
    const display = stage.querySelector('canvas');
    display.width = width;
    display.height = height;
    const mask = document.createElement('canvas');
    mask.width = width;
    mask.height = height;
    const s = {
      stage: stage, display: display, mask: mask, width: width, height: height,
      mode: 'paint', size: size, preview: false, actions: [], current: null, hover: null, frame: 0
    };
    stage.__maskPainter = s;

    display.addEventListener('pointerdown', function (e) {
      if (e.button !== 0 && e.pointerType === 'mouse') {
        return;
      }
      e.preventDefault();
      display.setPointerCapture(e.pointerId);
      const p = point(s, e);
      s.current = { type: 'stroke', mode: s.mode, size: s.size, points: [p] };
      s.actions.push(s.current);
      drawStroke(s.mask.getContext('2d'), s.current, 0);
      s.hover = p;
      schedule(s);
    });
    display.addEventListener('pointermove', function (e) {
      const p = point(s, e);
      s.hover = e.pointerType === 'touch' ? null : p;
      if (s.current) {
        e.preventDefault();
        // Coalesced events keep fast pen and touch strokes smooth.
        const events = e.getCoalescedEvents ? e.getCoalescedEvents() : [];
        const points = events.length ? events.map(function (c) { return point(s, c); }) : [p];
        const from = s.current.points.length - 1;
        Array.prototype.push.apply(s.current.points, points);
        drawStroke(s.mask.getContext('2d'), s.current, from);
      }
      schedule(s);
    });
    function end(e) {
      if (s.current) {
        s.current = null;
        changed(s);
      }
      if (e.type !== 'pointerup' || e.pointerType === 'touch') {
        s.hover = null;
      }
      schedule(s);
    }
    display.addEventListener('pointerup', end);
    display.addEventListener('pointercancel', end);
    display.addEventListener('pointerleave', end);
    schedule(s);
  }

  function point(s, e) {
    const rect = s.display.getBoundingClientRect();
    return [(e.clientX - rect.left) * s.width / rect.width, (e.clientY - rect.top) * s.height / rect.height];
  }

  function drawStroke(ctx, action, from) {
    ctx.save();
    ctx.globalCompositeOperation = action.mode === 'erase' ? 'destination-out' : 'source-over';
    ctx.strokeStyle = '#fff';
    ctx.fillStyle = '#fff';
    ctx.lineWidth = action.size;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    const pts = action.points;
    if (pts.length === 1) {
      ctx.beginPath();
      ctx.arc(pts[0][0], pts[0][1], action.size / 2, 0, Math.PI * 2);
      ctx.fill();
    } else {
      ctx.beginPath();
      ctx.moveTo(pts[Math.max(from, 0)][0], pts[Math.max(from, 0)][1]);
      for (let i = Math.max(from, 0) + 1; i < pts.length; i++) {
        ctx.lineTo(pts[i][0], pts[i][1]);
      }
      ctx.stroke();
    }
    ctx.restore();
  }

  function replay(s) {
    const ctx = s.mask.getContext('2d');
    ctx.clearRect(0, 0, s.width, s.height);
    s.actions.forEach(function (action) {
      if (action.type === 'clear') {
        ctx.clearRect(0, 0, s.width, s.height);
      } else {
        drawStroke(ctx, action, 0);
      }
    });
  }

  function schedule(s) {
    if (!s.frame) {
      s.frame = requestAnimationFrame(function () {
        s.frame = 0;
        render(s);
      });
    }
  }

  function render(s) {
    const ctx = s.display.getContext('2d');
    ctx.clearRect(0, 0, s.width, s.height);
    ctx.save();
    if (s.preview) {
      // What may change stays visible; what is kept is veiled.
      ctx.fillStyle = 'rgba(0, 0, 0, 0.72)';
      ctx.fillRect(0, 0, s.width, s.height);
      ctx.globalCompositeOperation = 'destination-out';
      ctx.drawImage(s.mask, 0, 0);
    } else {
      ctx.drawImage(s.mask, 0, 0);
      ctx.globalCompositeOperation = 'source-in';
      ctx.fillStyle = hatch(s, ctx);
      ctx.fillRect(0, 0, s.width, s.height);
    }
    ctx.restore();
    if (s.hover) {
      const scale = s.width / Math.max(1, s.display.getBoundingClientRect().width);
      ctx.save();
      ctx.beginPath();
      ctx.arc(s.hover[0], s.hover[1], s.size / 2, 0, Math.PI * 2);
      ctx.lineWidth = 3 * scale;
      ctx.strokeStyle = 'rgba(0, 0, 0, 0.6)';
      ctx.stroke();
      ctx.lineWidth = 1.5 * scale;
      ctx.strokeStyle = '#fff';
      ctx.stroke();
      ctx.restore();
    }
  }

  /**
   * The painted area: the theme's primary colour with light diagonal stripes, so it stays distinct on any image
   * (a flat tint turns grey over its complementary colour).
   */
  function hatch(s, ctx) {
    const colour = getComputedStyle(s.stage).getPropertyValue('--lumo-primary-color').trim() || 'hsl(262, 70%, 55%)';
    if (!s.hatch || s.hatchColour !== colour) {
      const t = Math.max(12, Math.round(s.width / 64));
      const tile = document.createElement('canvas');
      tile.width = t;
      tile.height = t;
      const g = tile.getContext('2d');
      g.globalAlpha = 0.62;
      g.fillStyle = colour;
      g.fillRect(0, 0, t, t);
      g.globalAlpha = 0.5;
      g.strokeStyle = '#fff';
      g.lineWidth = t / 4;
      g.beginPath();
      g.moveTo(0, t);
      g.lineTo(t, 0);
      g.moveTo(-t / 2, t / 2);
      g.lineTo(t / 2, -t / 2);
      g.moveTo(t / 2, t * 1.5);
      g.lineTo(t * 1.5, t / 2);
      g.stroke();
      s.hatch = ctx.createPattern(tile, 'repeat');
      s.hatchColour = colour;
    }
    return s.hatch;
  }

  /** Tells the server whether there is something to undo (it enables the Undo button). */
  function changed(s) {
    s.stage.dispatchEvent(new CustomEvent('mask-changed', {
      detail: { undoable: s.actions.length > 0 }
    }));
  }

  function exportPng(s) {
    const painted = s.mask.getContext('2d').getImageData(0, 0, s.width, s.height).data;
    const out = new ImageData(s.width, s.height);
    const data = out.data;
    for (let i = 3; i < data.length; i += 4) {
      // Brush edges are anti-aliased: half covered counts as painted, so the mask is strictly 0 or 255.
      data[i] = painted[i] >= 128 ? 0 : 255;
    }
    const canvas = document.createElement('canvas');
    canvas.width = s.width;
    canvas.height = s.height;
    canvas.getContext('2d').putImageData(out, 0, 0);
    return new Promise(function (resolve, reject) {
      canvas.toBlob(function (blob) {
        if (blob) {
          resolve(blob);
        } else {
          reject(new Error('the browser could not encode the mask'));
        }
      }, 'image/png');
    });
  }

  window.studioMaskPainter = {
    init: init,
    setMode: function (stage, mode) { state(stage).mode = mode; },
    setSize: function (stage, size) { const s = state(stage); s.size = size; schedule(s); },
    setPreview: function (stage, on) { const s = state(stage); s.preview = on; schedule(s); },
    undo: function (stage) {
      const s = state(stage);
      s.actions.pop();
      replay(s);
      changed(s);
      schedule(s);
    },
    clear: function (stage) {
      const s = state(stage);
      if (s.actions.length && s.actions[s.actions.length - 1].type !== 'clear') {
        s.actions.push({ type: 'clear' });
      }
      replay(s);
      changed(s);
      schedule(s);
    },
    /** Exports the mask and posts it to the stage's upload URL; resolves once the server has it. */
    send: function (stage) {
      const s = state(stage);
      return exportPng(s).then(function (blob) {
        return fetch(stage.getAttribute('upload-target'), {
          method: 'POST', body: blob, credentials: 'same-origin', headers: { 'Content-Type': 'image/png' }
        });
      }).then(function (response) {
        if (!response.ok) {
          throw new Error('upload failed with status ' + response.status);
        }
        return true;
      });
    }
  };
})();

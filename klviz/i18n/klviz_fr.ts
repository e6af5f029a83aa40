<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>actions</name>
    <message>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put every measure of the current tab on the clipboard as text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default unit, theme, digits of the readouts, presentation scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About klviz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lesson panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A guided walk from entropy to MSE, step by step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> &amp;Unit </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit of every value: nats (log e), bits (log 2), hartleys (log 10)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>classroom</name>
    <message>
        <source>&amp;Presentation mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full screen, large type, high contrast (F11)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quiz mode: hide the numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide every number so the class can predict; Space reveals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>data_menu</name>
    <message>
        <source>Import &amp;data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read P, Q, the joint or a batch of logits from a file (CSV, TSV, text, .npy), with a preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden in quiz mode: the note prints the values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D(P‖Q) and H(P,Q) of the Discrete tab&apos;s pair, as PyTorch, TensorFlow and JAX compute them:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same numbers in your framework</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Framework note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;The same numbers in your framework&quot;: PyTorch, TensorFlow and JAX expressions for the current pair, with their values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text}: done (Undo takes it back).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dialogs.import_data</name>
    <message>
        <source>Import data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a .csv, .tsv, .txt or .npy file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Q&apos;s file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fd (Freedman–Diaconis, the default) or a number of equal-width bins over the samples&apos; range (the last bin closed); numeric samples only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added to every count of P and Q before normalising (the usual cure for an empty bin&apos;s ∞)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pseudocount</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the current view as PNG, SVG or PDF, or its data as CSV/JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put a PNG of the current view on the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;animation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a fit or a parameter sweep of the current view as an animated GIF, WebP, APNG or MP4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figure copied to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting {shown}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawing the figure for the clipboard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This tab has no figure to export yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} ends in .{got}, but the chosen format is {1}: export again and choose {2}, or end the name in .{ext}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to animate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Animations are of the Discrete and Continuous views.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting the animation {shown}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export this chart…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy this chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the whole &amp;view…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> dpi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resolution:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pixels:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Set the size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figure {what} in inches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the figure&apos;s natural size at this resolution</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>export_animation</name>
    <message>
        <source>Export animation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the animation shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fits move a Normal Q: use the Continuous tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Animation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>α of the α-divergence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The parameter swept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Parameter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The category swept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ca&amp;tegory:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sweep {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;rames:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frames per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Speed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution of the frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;solution:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Animation format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Animation export progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawing the frames…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lesson_dock</name>
    <message>
        <source>samples drawn from P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running mean of log p/q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D(P‖Q) = {0} {unit}. Draw some samples.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after {0:,} samples: mean log p/q = {1} {unit}; D(P‖Q) = {2} {unit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀ &amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up this step&apos;s &amp;scene again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Animate the forward fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up this step&apos;s P and Q, then fit Q by minimising D(P‖Q) (mean-covering)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Animate the reverse fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up this step&apos;s P and Q, then fit Q by minimising D(Q‖P) (mode-seeking)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main_window</name>
    <message>
        <source>&amp;Discrete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Continuous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codin&amp;g</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Losses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Joint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag a bar, or click a chart and use the arrow keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}[*] — klviz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open {0}: {exc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session has changes that are not saved. Save them before closing?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session has changes that are not saved. Save them before starting a new session?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>klviz sessions (*.klviz *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>klviz sessions (*.klviz *.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About klviz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;klviz&lt;/b&gt;&lt;br&gt;See and touch entropy, cross-entropy and Kullback-Leibler divergence.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>models.session_model</name>
    <message>
        <source>Set {0}({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support mismatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swap P and Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy P to Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename categories</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pages.alpha_fit</name>
    <message>
        <source>Fit α: minimise D_α(P‖Q)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Q to the Gaussian closest to P in Amari&apos;s α-divergence D_α(P‖Q), from the current Q.
α → 0 is the reverse KL (mode-seeking), α → 1 the forward KL (mass-covering).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>α of the α-fit (slider)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amari&apos;s α-divergence:  D_α(P‖Q) = 1/(α(1 − α)) ∫ [α p + (1 − α) q − p^α q^(1−α)] dx
α → 0: D(Q‖P); α = ½: 4·He²; α → 1: D(P‖Q); α = 2: ½ χ²(P‖Q)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← mode-seeking (α → 0: reverse KL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mass-covering (α → 1: forward KL) →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fitted μ (solid) and σ (dashed) against α, for this P</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pages.coding</name>
    <message>
        <source>Column heights:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} — area {area}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code length (bits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cumulative probability of P (column widths p_i)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Q&apos;s Huffman code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Symbols drawn from P:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw N symbols from P and code them with Q&apos;s Huffman code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw N symbols from P, code them with Q&apos;s Huffman code, and compare the length with N·H(P,Q) and N·H(P).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pages.continuous</name>
    <message>
        <source>weight w of {name}&apos;s first component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean μ₂ of {name}&apos;s second component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>std dev σ₂ of {name}&apos;s second component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P &amp;mean μ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&apos;s mean μ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P &amp;std dev σ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&apos;s standard deviation σ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-component mi&amp;xture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Q&apos;s mean μ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Q std dev σ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Q&apos;s standard deviation σ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-component mixture (&amp;bimodal Q)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
a fit starts from Q&apos;s moment-matched Normal and makes Q a Normal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit var&amp;iance (σ_Q = 1): the MSE link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix σ_Q = 1. Then H(P,Q) = ½ log 2π + ½ (σ_P² + (μ_P − μ_Q)²):
a constant plus half the squared error — the MSE loss is a cross-entropy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit Q to P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;orward: minimise D(P‖Q)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Q to the Gaussian closest to P in D(P‖Q): P&apos;s mean and variance
(moment matching — mean-covering: Q spreads over all of P).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reverse: minimise D(Q‖P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Q to the Gaussian closest to P in D(Q‖P), starting from the current Q
(mode-seeking: Q settles on the peak of P nearest it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Q&apos;s path is drawn dashed on the densities.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set P and Q to a named scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Controls of P and Q (scrollable panel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which is larger, D(P‖Q) or D(Q‖P)?&lt;br&gt;Is h(Q) negative? Where will a fit put Q?&lt;br&gt;&lt;small&gt;(the integrands are hidden)&lt;/small&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Differential measures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cross-entropy = entropy + KL divergence, for densities too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continuous P and Q: h and H are &lt;i&gt;differential&lt;/i&gt; and can be negative; D stays ≥ 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The MSE link  (σ_Q = 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>H(P,Q) with σ_Q = 1: ½ log 2π + ½ (σ_P² + (μ_P − μ_Q)²)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>grey: ½ log 2π   green: ½ σ_P²   purple: ½ (μ_P − μ_Q)², the squared error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measures (scrollable panel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No α-fit: see the note above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done}&lt;br&gt;Q is already there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Densities&lt;/b&gt;&amp;nbsp; &lt;span style=&apos;color:{pc}&apos;&gt;■ P = {0}&lt;/span&gt;&amp;nbsp;&amp;nbsp; &lt;span style=&apos;color:{qc}&apos;&gt;■ Q = {1}&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;KL integrands&lt;/b&gt; (signed area; hatched parts count negative)&amp;nbsp; &lt;span style=&apos;color:{pc}&apos;&gt;■ ∫ p·log(p/q) dx = D(P‖Q) = {0} {unit}&lt;/span&gt;&amp;nbsp;&amp;nbsp; &lt;span style=&apos;color:{qc}&apos;&gt;■ ∫ q·log(q/p) dx = D(Q‖P) = {1} {unit}&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error μ_P − μ_Q = {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pages.discrete</name>
    <message>
        <source>Discrete controls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cate&amp;gories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of categories (2 to 100)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset &amp;P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset &amp;Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support &amp;mismatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Q is zero where P is not: D(P‖Q) becomes infinite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;wap P ⇄ Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exchange P and Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cop&amp;y P → Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make Q equal to P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the starting scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit &amp;labels…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename the categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Overlay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw P and Q side by side on one chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Measures&lt;/b&gt; (hover a value for its formula)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which is larger, D(P‖Q) or D(Q‖P)?&lt;br&gt;Is H(P,Q) above H(P)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P (blue) and Q (orange)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set {0} to a named shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} labels, separated by commas:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels not changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The labels were not changed: {exc}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pages.joint</name>
    <message>
        <source>Drag a cell (or a marginal) up or down; arrow keys move, + and − (Page Up/Down: five times as much) change the selected value, typing a number sets it. Double-click a label to rename it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>H(X,Y) = H(X|Y) + I(X;Y) + H(Y|X), on one scale; H(X) is the left two parts, H(Y) the right two.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>H(X,Y) = 0: one outcome is certain, there is nothing to split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P(X)P(Y): the product of the marginals, what the joint would be if X and Y were independent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P(x,y) log(P(x,y) / P(x)P(y)): purple where the joint is above the product, vermillion where below; they sum to I(X;Y).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The crossover probability ε of the binary symmetric channel: I(X;Y) = 1 − h(ε) bits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ε, the binary symmetric channel&apos;s crossover probability: P(Y ≠ X) with X uniform, so I(X;Y) = 1 − h(ε) bits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note on the joint table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information diagram: H(X,Y) = H(X|Y) + I(X;Y) + H(Y|X)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joint distribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename {0} {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resize to {rows} × {cols}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crossover ε</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pages.losses</name>
    <message>
        <source>Bernoulli: binary cross-entropy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categorical: softmax cross-entropy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal: squared error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Losses: drag</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pages.losses_bernoulli</name>
    <message>
        <source>The target: probability of class 1 (0 or 1 is a hard label, between is a soft label)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hard label y = 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hard label y = 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model&apos;s logit z; its prediction is f = σ(z) = 1 / (1 + e^−z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model&apos;s probability of class 1:  f = σ(z) = 1 / (1 + e^(−z))</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logit z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BCE over the prediction f, for this target y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prediction f = σ(z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} BCE(y, f) &amp;nbsp; {1} H(Bern(y)): the floor, reached at f = y &amp;nbsp; {2} D(Bern(y) ‖ Bern(f)): the height above it &amp;nbsp; {3} f&amp;nbsp;=&amp;nbsp;y &amp;nbsp; {4} the prediction (drag it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Binary cross-entropy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worked out (log is the natural logarithm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss ({unit})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pages.losses_categorical</name>
    <message>
        <source>Number of classes (2 to 10); two classes is the Bernoulli case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-hot: click a class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soft: drag the target bars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label smoothing 0.1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0.9 on the labelled class, 0.1 spread evenly over all classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the logits, separated by commas (the class count follows), then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gap {EXTREME:g}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logits (0, {EXTREME:g}, 0, …): f₀ underflows to 0, yet the loss stays exact because it is computed with logsumexp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logits z (drag a bar: any real value)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target y (blue) and softmax f (orange)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>softmax: f&lt;sub&gt;i&lt;/sub&gt; = e&lt;sup&gt;z&lt;sub&gt;i&lt;/sub&gt;&lt;/sup&gt; / Σ&lt;sub&gt;j&lt;/sub&gt; e&lt;sup&gt;z&lt;sub&gt;j&lt;/sub&gt;&lt;/sup&gt; &amp;nbsp;↓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categorical cross-entropy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two classes: the Bernoulli case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With two classes, softmax cross-entropy = binary cross-entropy with f = σ(z₁ − z₀):  logsumexp(z) − Σ yᵢ zᵢ = −[y log f + (1−y) log(1−f)]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in the Bernoulli panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the Bernoulli panel to y = y₁ and z = z₁ − z₀</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A batch of data pairs (File › Import data…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worked out (log is the natural logarithm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logits not changed: {exc}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pages.losses_common</name>
    <message>
        <source>0.00000 hartleys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measures and formulas (scrollable panel)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pages.losses_normal</name>
    <message>
        <source>The observed target y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model&apos;s prediction f (the mean of N(f, σ²))</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>free σ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unticked, σ is fixed at 1: then −log N is ½ log 2π + ½ (y − f)²</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model&apos;s standard deviation σ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>−log N(y; f, σ²) over f</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prediction f</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} −log N(y; f, σ²) &amp;nbsp; {1} ½ log(2πσ²) &amp;nbsp; {2} (y − f)²/(2σ²) &amp;nbsp; {3} f&amp;nbsp;=&amp;nbsp;y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data and the fitted line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the starting seven points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data: drag a point · double-click to add one · right-click one to remove it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>slope a (with its best b)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data set and its line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worked out (log is the natural logarithm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss ({unit})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} mean −log N &amp;nbsp; {1} ½ MSE &amp;nbsp; {2} fitted slope</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>preferences</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New sessions start in this unit; choosing one shows this session in it too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light or dark, or whatever the desktop uses (the same as View › Theme)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Significant digits of the readouts ({lo} to {hi})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much larger the type is in presentation mode (F11), {lo:g}× to {hi:g}×</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shortcuts</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>widgets.batch_panel</name>
    <message>
        <source>No batch: File › Import data… › the loss lab&apos;s batch (a CSV of logit rows and a target column).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean over the {n:,} data pair{0}: E over p̂_data of −log q(y | x) = {1} {2}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>widgets.curves</name>
    <message>
        <source>integrand ({unit})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>widgets.divergences_group</name>
    <message>
        <source>More divergences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total variation, Hellinger, Pearson χ² and Rényi divergences: tick to show them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rényi &amp;α</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order α of the Rényi divergences, on a log scale from 0.01 to 100; the middle tick is α = 1 (the KL divergence), the right end α = ∞</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the order α: a number &gt; 0, or inf (∞); Enter to apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>α on a log scale: 1 is the KL divergence, the right end ∞</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{exc}; α stays {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>widgets.fit_q_to_p</name>
    <message>
        <source>Fit Q to P (gradient descent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient descent on Q&apos;s logits, minimising H(P,Q) — and with it D(P‖Q).
Animated; the whole fit is one undo step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{unit} per symbol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Fit Q to P to start the descent from the current Q.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>widgets.framework_note</name>
    <message>
        <source>The PyTorch, TensorFlow and JAX expressions for the current pair.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the note (plain text) to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>widgets.pointwise</name>
    <message>
        <source>p log(p/q)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>q log(q/p)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>widgets.readouts</name>
    <message>
        <source>−0.00000e−100 hartleys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;all values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as &amp;LaTeX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy these values as a LaTeX formula (needs amsmath)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>widgets.value_label</name>
    <message>
        <source>&lt;div style=&apos;font-size:{size_pt}pt&apos;&gt;{questions_html}&lt;/div&gt;&lt;p&gt;Predict, then press &lt;b&gt;Space&lt;/b&gt; to reveal.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

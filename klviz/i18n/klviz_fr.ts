<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>GraphicsScene</name>
    <message>
        <source>Export...</source>
        <translation>Exporter…</translation>
    </message>
</context>
<context>
    <name>accessibility</name>
    <message>
        <source> against </source>
        <translation> en fonction de </translation>
    </message>
    <message>
        <source>Select all cells</source>
        <translation>Sélectionner toutes les cases</translation>
    </message>
    <message>
        <source>Tabs: {tabs}</source>
        <translation>Onglets : {tabs}</translation>
    </message>
    <message>
        <source>menus</source>
        <translation>menus</translation>
    </message>
    <message>
        <source>controls</source>
        <translation>réglages</translation>
    </message>
    <message>
        <source>More {what}</source>
        <translation>Autres {what}</translation>
    </message>
    <message>
        <source>{name} (scrollable panel)</source>
        <translation>{name} (panneau défilant)</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>Tout sélectionner</translation>
    </message>
    <message>
        <source>{name}, horizontal scroll bar</source>
        <translation>{name}, barre de défilement horizontale</translation>
    </message>
    <message>
        <source>{name}, vertical scroll bar</source>
        <translation>{name}, barre de défilement verticale</translation>
    </message>
    <message>
        <source>, and {n} more</source>
        <translation>, et {n} de plus</translation>
    </message>
    <message>
        <source>curve from x {lo} to {hi}, peak {peak} at x {at}</source>
        <translation>courbe de x {lo} à {hi}, pic {peak} en x {at}</translation>
    </message>
    <message>
        <source>bars {bars}</source>
        <translation>barres {bars}</translation>
    </message>
    <message>
        <source>labels {labels}</source>
        <translation>étiquettes {labels}</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Graphique</translation>
    </message>
    <message>
        <source>{bar} selected</source>
        <translation>{bar} sélectionnée</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nouveau</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Enregistrer &amp;sous…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Ouvrir un fichier &amp;récent</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;Copy values</source>
        <translation>&amp;Copier les valeurs</translation>
    </message>
    <message>
        <source>Put every measure of the current tab on the clipboard as text</source>
        <translation>Mettre chaque mesure de l&apos;onglet actuel dans le presse-papiers, en texte</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>Default unit, theme, digits of the readouts, presentation scale</source>
        <translation>Unité par défaut, thème, chiffres des valeurs affichées, échelle de présentation</translation>
    </message>
    <message>
        <source>&amp;About klviz</source>
        <translation>À &amp;propos de klviz</translation>
    </message>
    <message>
        <source>&amp;Lesson panel</source>
        <translation>Panneau de &amp;leçon</translation>
    </message>
    <message>
        <source>A guided walk from entropy to MSE, step by step</source>
        <translation>Une promenade guidée de l&apos;entropie à la MSE, pas à pas</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>Éditi&amp;on</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <source> &amp;Unit </source>
        <translation> &amp;Unité </translation>
    </message>
    <message>
        <source>Unit of every value: nats (log e), bits (log 2), hartleys (log 10)</source>
        <translation>Unité de toutes les valeurs : nats (log e), bits (log 2), hartleys (log 10)</translation>
    </message>
</context>
<context>
    <name>classroom</name>
    <message>
        <source>&amp;Presentation mode</source>
        <translation>Mode &amp;présentation</translation>
    </message>
    <message>
        <source>Full screen, large type, high contrast (F11)</source>
        <translation>Plein écran, grands caractères, contraste élevé (F11)</translation>
    </message>
    <message>
        <source>&amp;Quiz mode: hide the numbers</source>
        <translation>Mode &amp;quiz : masquer les nombres</translation>
    </message>
    <message>
        <source>Hide every number so the class can predict; Space reveals</source>
        <translation>Masquer tous les nombres pour que la classe puisse prédire ; Espace les révèle</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Zoom a&amp;vant</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>&amp;Taille réelle</translation>
    </message>
    <message>
        <source>&amp;Fit value axes to the data</source>
        <translation>A&amp;juster les axes aux données</translation>
    </message>
    <message>
        <source>Bar charts&apos; value axes fit the bars (many small ones stay readable); off: 0 to 1, for comparisons</source>
        <translation>Les axes des valeurs des diagrammes en barres s&apos;ajustent aux barres (même nombreuses et petites, elles restent lisibles) ; désactivé : de 0 à 1, pour comparer</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>Suivre &amp;le système</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Clair</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Sombre</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>T&amp;hème</translation>
    </message>
    <message>
        <source>Quiz mode: numbers hidden. Predict, then press Space to reveal.</source>
        <translation>Mode quiz : nombres masqués. Prédisez, puis appuyez sur Espace pour révéler.</translation>
    </message>
    <message>
        <source>Numbers revealed.</source>
        <translation>Nombres révélés.</translation>
    </message>
</context>
<context>
    <name>data_menu</name>
    <message>
        <source>Import &amp;data…</source>
        <translation>Importer des &amp;données…</translation>
    </message>
    <message>
        <source>Read P, Q, the joint or a batch of logits from a file (CSV, TSV, text, .npy), with a preview</source>
        <translation>Lire P, Q, la loi jointe ou un lot de logits depuis un fichier (CSV, TSV, texte, .npy), avec un aperçu</translation>
    </message>
    <message>
        <source>Hidden in quiz mode: the note prints the values.</source>
        <translation>Masqué en mode quiz : la note affiche les valeurs.</translation>
    </message>
    <message>
        <source>D(P‖Q) and H(P,Q) of the Discrete tab&apos;s pair, as PyTorch, TensorFlow and JAX compute them:</source>
        <translation>D(P‖Q) et H(P,Q) de la paire de l&apos;onglet Discret, telles que PyTorch, TensorFlow et JAX les calculent :</translation>
    </message>
    <message>
        <source>Same numbers in your framework</source>
        <translation>Les mêmes nombres dans votre framework</translation>
    </message>
    <message>
        <source>Framework &amp;note</source>
        <translation>&amp;Note framework</translation>
    </message>
    <message>
        <source>&quot;The same numbers in your framework&quot;: PyTorch, TensorFlow and JAX expressions for the current pair, with their values</source>
        <translation>« Les mêmes nombres dans votre framework » : les expressions PyTorch, TensorFlow et JAX de la paire actuelle, avec leurs valeurs</translation>
    </message>
    <message>
        <source>Could not import</source>
        <translation>Import impossible</translation>
    </message>
    <message>
        <source>{text}: done (Undo takes it back).</source>
        <translation>{text} : fait (Annuler le défait).</translation>
    </message>
</context>
<context>
    <name>dialogs.import_data</name>
    <message>
        <source>Import data</source>
        <translation>Importer des données</translation>
    </message>
    <message>
        <source>a .csv, .tsv, .txt or .npy file</source>
        <translation>un fichier .csv, .tsv, .txt ou .npy</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Q&apos;s file</source>
        <translation>Fichier de Q</translation>
    </message>
    <message>
        <source>fd</source>
        <translation>fd</translation>
    </message>
    <message>
        <source>fd (Freedman–Diaconis, the default) or a number of equal-width bins over the samples&apos; range (the last bin closed); numeric samples only</source>
        <translation>fd (Freedman–Diaconis, par défaut) ou un nombre de classes de même largeur sur l&apos;étendue des échantillons (la dernière classe fermée) ; échantillons numériques seulement</translation>
    </message>
    <message>
        <source>added to every count of P and Q before normalising (the usual cure for an empty bin&apos;s ∞)</source>
        <translation>ajouté à chaque effectif de P et de Q avant normalisation (le remède habituel au ∞ d&apos;une classe vide)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Import into</source>
        <translation>Importer dans</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>Lire comme</translation>
    </message>
    <message>
        <source>Bins</source>
        <translation>Classes d&apos;histogramme</translation>
    </message>
    <message>
        <source>Pseudocount</source>
        <translation>Pseudo-effectif</translation>
    </message>
    <message>
        <source>P&apos;s file</source>
        <translation>Fichier de P</translation>
    </message>
    <message>
        <source>Choose a file to see what it holds.</source>
        <translation>Choisissez un fichier pour voir ce qu&apos;il contient.</translation>
    </message>
    <message>
        <source>Choose P&apos;s file and Q&apos;s file.</source>
        <translation>Choisissez le fichier de P et celui de Q.</translation>
    </message>
    <message>
        <source>On import: {0}</source>
        <translation>À l&apos;import : {0}</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>&amp;Export…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <source>Save the current view as PNG, SVG or PDF, or its data as CSV/JSON</source>
        <translation>Enregistrer la vue actuelle en PNG, SVG ou PDF, ou ses données en CSV/JSON</translation>
    </message>
    <message>
        <source>&amp;Copy figure</source>
        <translation>&amp;Copier la figure</translation>
    </message>
    <message>
        <source>Put a PNG of the current view on the clipboard</source>
        <translation>Mettre une image PNG de la vue actuelle dans le presse-papiers</translation>
    </message>
    <message>
        <source>Export an&amp;imation…</source>
        <translation>Exporter une &amp;animation…</translation>
    </message>
    <message>
        <source>Save a fit or a parameter sweep of the current view as an animated GIF, WebP, APNG or MP4</source>
        <translation>Enregistrer un ajustement ou un balayage de paramètre de la vue actuelle en GIF, WebP, APNG animé ou MP4</translation>
    </message>
    <message>
        <source>Figure copied to the clipboard.</source>
        <translation>Figure copiée dans le presse-papiers.</translation>
    </message>
    <message>
        <source>Export in progress</source>
        <translation>Export en cours</translation>
    </message>
    <message>
        <source>Exporting {shown}…</source>
        <translation>Export de {shown}…</translation>
    </message>
    <message>
        <source>Drawing the figure for the clipboard…</source>
        <translation>Dessin de la figure pour le presse-papiers…</translation>
    </message>
    <message>
        <source>Nothing to export</source>
        <translation>Rien à exporter</translation>
    </message>
    <message>
        <source>This tab has no figure to export yet.</source>
        <translation>Cet onglet n&apos;a pas encore de figure à exporter.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l&apos;export</translation>
    </message>
    <message>
        <source>{0} ends in .{got}, but the chosen format is {1}: export again and choose {2}, or end the name in .{ext}.</source>
        <translation>{0} se termine par .{got}, mais le format choisi est {1} : exportez à nouveau et choisissez {2}, ou terminez le nom par .{ext}.</translation>
    </message>
    <message>
        <source>Nothing to animate</source>
        <translation>Rien à animer</translation>
    </message>
    <message>
        <source>Animations are of the Discrete and Continuous views.</source>
        <translation>Les animations portent sur les vues Discret et Continu.</translation>
    </message>
    <message>
        <source>Exporting the animation {shown}…</source>
        <translation>Export de l&apos;animation {shown}…</translation>
    </message>
    <message>
        <source>&amp;Export this chart…</source>
        <translation>&amp;Exporter ce graphique…</translation>
    </message>
    <message>
        <source>&amp;Copy this chart</source>
        <translation>&amp;Copier ce graphique</translation>
    </message>
    <message>
        <source>Export the whole &amp;view…</source>
        <translation>Exporter toute la &amp;vue…</translation>
    </message>
    <message>
        <source>Export format</source>
        <translation>Format d&apos;export</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format :</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> ppp</translation>
    </message>
    <message>
        <source>PNG resolution</source>
        <translation>Résolution PNG</translation>
    </message>
    <message>
        <source>&amp;Resolution:</source>
        <translation>&amp;Résolution :</translation>
    </message>
    <message>
        <source>Pixels:</source>
        <translation>Pixels :</translation>
    </message>
    <message>
        <source>&amp;Set the size</source>
        <translation>&amp;Fixer la taille</translation>
    </message>
    <message>
        <source>Figure width in inches</source>
        <translation>Largeur de la figure en pouces</translation>
    </message>
    <message>
        <source>Figure height in inches</source>
        <translation>Hauteur de la figure en pouces</translation>
    </message>
    <message>
        <source> in</source>
        <translation> po</translation>
    </message>
    <message>
        <source>the figure&apos;s natural size at this resolution</source>
        <translation>la taille naturelle de la figure à cette résolution</translation>
    </message>
</context>
<context>
    <name>export_animation</name>
    <message>
        <source>Export animation</source>
        <translation>Exporter une animation</translation>
    </message>
    <message>
        <source>What the animation shows</source>
        <translation>Ce que montre l&apos;animation</translation>
    </message>
    <message>
        <source>Fits move a Normal Q: use the Continuous tab</source>
        <translation>Les ajustements déplacent une loi normale Q : utilisez l&apos;onglet Continu</translation>
    </message>
    <message>
        <source>&amp;Animation:</source>
        <translation>&amp;Animation :</translation>
    </message>
    <message>
        <source>α of the α-divergence</source>
        <translation>α de l&apos;α-divergence</translation>
    </message>
    <message>
        <source>The parameter swept</source>
        <translation>Le paramètre balayé</translation>
    </message>
    <message>
        <source>&amp;Parameter:</source>
        <translation>&amp;Paramètre :</translation>
    </message>
    <message>
        <source>The category swept</source>
        <translation>La catégorie balayée</translation>
    </message>
    <message>
        <source>Ca&amp;tegory:</source>
        <translation>Ca&amp;tégorie :</translation>
    </message>
    <message>
        <source>Sweep from</source>
        <translation>Balayer depuis</translation>
    </message>
    <message>
        <source>Sweep to</source>
        <translation>Balayer jusqu&apos;à</translation>
    </message>
    <message>
        <source>to</source>
        <translation>à</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;De :</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>F&amp;rames:</source>
        <translation>&amp;Images :</translation>
    </message>
    <message>
        <source>Frames per second</source>
        <translation>Images par seconde</translation>
    </message>
    <message>
        <source> per second</source>
        <translation> par seconde</translation>
    </message>
    <message>
        <source>&amp;Speed:</source>
        <translation>&amp;Vitesse :</translation>
    </message>
    <message>
        <source>Resolution of the frames</source>
        <translation>Résolution des images</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> ppp</translation>
    </message>
    <message>
        <source>Re&amp;solution:</source>
        <translation>Ré&amp;solution :</translation>
    </message>
    <message>
        <source>Animation format</source>
        <translation>Format de l&apos;animation</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormat :</translation>
    </message>
    <message>
        <source>Animation export progress</source>
        <translation>Progression de l&apos;export de l&apos;animation</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <source>Drawing the frames…</source>
        <translation>Dessin des images…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
</context>
<context>
    <name>klviz</name>
    <message>
        <source>Data files (*.csv *.tsv *.txt *.npy);;All files (*)</source>
        <translation>Fichiers de données (*.csv *.tsv *.txt *.npy);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Logit batches (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>Lots de logits (*.csv *.tsv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Image PNG (*.png)</translation>
    </message>
    <message>
        <source>SVG vector image (*.svg)</source>
        <translation>Image vectorielle SVG (*.svg)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Document PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV table of the categories (*.csv)</source>
        <translation>Tableau CSV des catégories (*.csv)</translation>
    </message>
    <message>
        <source>JSON of every measure (*.json)</source>
        <translation>JSON de chaque mesure (*.json)</translation>
    </message>
    <message>
        <source>A picture of the view at the resolution below; the file opens anywhere.</source>
        <translation>Une image de la vue à la résolution ci-dessous ; le fichier s&apos;ouvre partout.</translation>
    </message>
    <message>
        <source>Vector: sharp at any zoom, text stays text (for slides and the web).</source>
        <translation>Vectoriel : net à tout zoom, le texte reste du texte (pour les diapositives et le web).</translation>
    </message>
    <message>
        <source>Vector: sharp at any zoom, fonts embedded (for papers and printing).</source>
        <translation>Vectoriel : net à tout zoom, polices incorporées (pour les articles et l&apos;impression).</translation>
    </message>
    <message>
        <source>Every measure of the view, with its unit: no options.</source>
        <translation>Chaque mesure de la vue, avec son unité : pas d&apos;options.</translation>
    </message>
    <message>
        <source>One row per category (p, q and each term), for a spreadsheet: no options.</source>
        <translation>Une ligne par catégorie (p, q et chaque terme), pour un tableur : pas d&apos;options.</translation>
    </message>
    <message>
        <source>Fit forward: Q → argmin D(P‖Q) (moment matching)</source>
        <translation>Ajustement direct : Q → argmin D(P‖Q) (égalisation des moments)</translation>
    </message>
    <message>
        <source>Fit reverse: Q → the mode of P nearest it</source>
        <translation>Ajustement inverse : Q → le mode de P le plus proche</translation>
    </message>
    <message>
        <source>Fit α: Q → argmin of the α-divergence</source>
        <translation>Ajustement α : Q → argmin de l&apos;α-divergence</translation>
    </message>
    <message>
        <source>Sweep a parameter from one value to another</source>
        <translation>Balayer un paramètre d&apos;une valeur à une autre</translation>
    </message>
    <message>
        <source>μ of Q</source>
        <translation>μ de Q</translation>
    </message>
    <message>
        <source>σ of Q</source>
        <translation>σ de Q</translation>
    </message>
    <message>
        <source>μ of P</source>
        <translation>μ de P</translation>
    </message>
    <message>
        <source>σ of P</source>
        <translation>σ de P</translation>
    </message>
    <message>
        <source>a probability of Q</source>
        <translation>une probabilité de Q</translation>
    </message>
    <message>
        <source>a probability of P</source>
        <translation>une probabilité de P</translation>
    </message>
    <message>
        <source>APNG (animated PNG)</source>
        <translation>APNG (PNG animé)</translation>
    </message>
    <message>
        <source>MP4 video</source>
        <translation>Vidéo MP4</translation>
    </message>
    <message>
        <source>GIF animation (*.gif)</source>
        <translation>Animation GIF (*.gif)</translation>
    </message>
    <message>
        <source>WebP animation (*.webp)</source>
        <translation>Animation WebP (*.webp)</translation>
    </message>
    <message>
        <source>Animated PNG (*.apng)</source>
        <translation>PNG animé (*.apng)</translation>
    </message>
    <message>
        <source>MP4 video (*.mp4)</source>
        <translation>Vidéo MP4 (*.mp4)</translation>
    </message>
    <message>
        <source>Discrete</source>
        <translation>Discret</translation>
    </message>
    <message>
        <source>Continuous</source>
        <translation>Continu</translation>
    </message>
    <message>
        <source>Losses</source>
        <translation>Pertes</translation>
    </message>
    <message>
        <source>Coding</source>
        <translation>Codage</translation>
    </message>
    <message>
        <source>Joint</source>
        <translation>Loi jointe</translation>
    </message>
    <message>
        <source>This session has changes that are not saved. Save them before opening another session?</source>
        <translation>Cette session a des modifications non enregistrées. Les enregistrer avant d&apos;ouvrir une autre session ?</translation>
    </message>
    <message>
        <source>Fit α</source>
        <translation>Ajustement α</translation>
    </message>
    <message>
        <source>Where will the fit put Q? (its numbers are hidden in quiz mode)</source>
        <translation>Où l&apos;ajustement placera-t-il Q ? (ses nombres sont masqués en mode quiz)</translation>
    </message>
    <message>
        <source>P or Q changed since the last message: send again.</source>
        <translation>P ou Q a changé depuis le dernier message : envoyez-en un nouveau.</translation>
    </message>
    <message>
        <source>Shannon length L(P; Q)</source>
        <translation>longueur de Shannon L(P ; Q)</translation>
    </message>
    <message>
        <source>Huffman length L(P; Q)</source>
        <translation>longueur de Huffman L(P ; Q)</translation>
    </message>
    <message>
        <source>Huffman length L(P)</source>
        <translation>longueur de Huffman L(P)</translation>
    </message>
    <message>
        <source>Shannon length</source>
        <translation>longueur de Shannon</translation>
    </message>
    <message>
        <source>Outlines, all at once: ━ P&apos;s ideal −log₂ pᵢ (blue), ━ Q&apos;s ideal −log₂ qᵢ (orange), ╌ Q&apos;s Shannon code ⌈−log₂ qᵢ⌉, ┈ Q&apos;s Huffman code.</source>
        <translation>Contours, tous à la fois : ━ longueurs idéales de P −log₂ pᵢ (bleu), ━ longueurs idéales de Q −log₂ qᵢ (orange), ╌ code de Shannon de Q ⌈−log₂ qᵢ⌉, ┈ code de Huffman de Q.</translation>
    </message>
    <message>
        <source>Drag P&apos;s width on the Coding tab</source>
        <translation>Glisser la largeur de P dans l’onglet Codage</translation>
    </message>
    <message>
        <source>Drag Q&apos;s height on the Coding tab</source>
        <translation>Glisser la hauteur de Q dans l’onglet Codage</translation>
    </message>
    <message>
        <source>
With a mixture there is no closed form: computed by quadrature in log space.</source>
        <translation>
Avec un mélange, il n&apos;y a pas de forme close : calcul par quadrature dans l&apos;espace des logarithmes.</translation>
    </message>
    <message>
        <source>(negative: differential)</source>
        <translation>(négative : différentielle)</translation>
    </message>
    <message>
        <source>A differential entropy (or cross-entropy) can be negative.
A density is not a probability: it can exceed 1 where the distribution is narrow,
so −log p(x) can be below zero. h(N(μ, σ²)) = ½ log(2πe σ²) &lt; 0 when σ &lt; 1/√(2πe) ≈ 0.242.
It also shifts with the unit of x (h of 2X is h of X plus log 2); D(P‖Q) does not and stays ≥ 0.</source>
        <translation>Une entropie différentielle (ou une entropie croisée) peut être négative.
Une densité n&apos;est pas une probabilité : elle peut dépasser 1 là où la distribution est étroite,
donc −log p(x) peut être sous zéro. h(N(μ, σ²)) = ½ log(2πe σ²) &lt; 0 lorsque σ &lt; 1/√(2πe) ≈ 0,242.
Elle se décale aussi avec l&apos;unité de x (h de 2X vaut h de X plus log 2) ; D(P‖Q), non, et reste ≥ 0.</translation>
    </message>
    <message>
        <source>&amp;Identical</source>
        <translation>&amp;Identiques</translation>
    </message>
    <message>
        <source>S&amp;hifted</source>
        <translation>&amp;Décalées</translation>
    </message>
    <message>
        <source>Q &amp;wider</source>
        <translation>Q plus &amp;large</translation>
    </message>
    <message>
        <source>Q &amp;narrower</source>
        <translation>Q plus é&amp;troite</translation>
    </message>
    <message>
        <source>&amp;Bimodal P</source>
        <translation>P &amp;bimodale</translation>
    </message>
    <message>
        <source>Fit Q: minimise D(P‖Q)</source>
        <translation>Ajuster Q : minimiser D(P‖Q)</translation>
    </message>
    <message>
        <source>Forward fit (mean-covering): Q matches P&apos;s mean and variance.</source>
        <translation>Ajustement direct (couvre la moyenne) : Q reprend la moyenne et la variance de P.</translation>
    </message>
    <message>
        <source>Fit Q: minimise D(Q‖P)</source>
        <translation>Ajuster Q : minimiser D(Q‖P)</translation>
    </message>
    <message>
        <source>Reverse fit (mode-seeking): Q settles on the peak of P nearest it.</source>
        <translation>Ajustement inverse (recherche de mode) : Q se pose sur le pic de P le plus proche.</translation>
    </message>
    <message>
        <source>Differential entropy of P:  h(P) = −∫ p(x) log p(x) dx&lt;br&gt;For Normals: ½ log(2πe σ&lt;sub&gt;P&lt;/sub&gt;²) — negative when σ&lt;sub&gt;P&lt;/sub&gt; &amp;lt; 1/√(2πe) ≈ 0.242</source>
        <translation>Entropie différentielle de P :  h(P) = −∫ p(x) log p(x) dx&lt;br&gt;Pour des lois normales : ½ log(2πe σ&lt;sub&gt;P&lt;/sub&gt;²), négative lorsque σ&lt;sub&gt;P&lt;/sub&gt; &amp;lt; 1/√(2πe) ≈ 0,242</translation>
    </message>
    <message>
        <source>Differential entropy of Q:  h(Q) = −∫ q(x) log q(x) dx&lt;br&gt;For Normals: ½ log(2πe σ&lt;sub&gt;Q&lt;/sub&gt;²) — negative when σ&lt;sub&gt;Q&lt;/sub&gt; &amp;lt; 1/√(2πe) ≈ 0.242</source>
        <translation>Entropie différentielle de Q :  h(Q) = −∫ q(x) log q(x) dx&lt;br&gt;Pour des lois normales : ½ log(2πe σ&lt;sub&gt;Q&lt;/sub&gt;²), négative lorsque σ&lt;sub&gt;Q&lt;/sub&gt; &amp;lt; 1/√(2πe) ≈ 0,242</translation>
    </message>
    <message>
        <source>Differential cross-entropy:  H(P,Q) = −∫ p(x) log q(x) dx = h(P) + D(P‖Q)&lt;br&gt;For Normals: ½ log(2π σ&lt;sub&gt;Q&lt;/sub&gt;²) + (σ&lt;sub&gt;P&lt;/sub&gt;² + (μ&lt;sub&gt;P&lt;/sub&gt; − μ&lt;sub&gt;Q&lt;/sub&gt;)²) / (2σ&lt;sub&gt;Q&lt;/sub&gt;²)</source>
        <translation>Entropie croisée différentielle :  H(P,Q) = −∫ p(x) log q(x) dx = h(P) + D(P‖Q)&lt;br&gt;Pour des lois normales : ½ log(2π σ&lt;sub&gt;Q&lt;/sub&gt;²) + (σ&lt;sub&gt;P&lt;/sub&gt;² + (μ&lt;sub&gt;P&lt;/sub&gt; − μ&lt;sub&gt;Q&lt;/sub&gt;)²) / (2σ&lt;sub&gt;Q&lt;/sub&gt;²)</translation>
    </message>
    <message>
        <source>Differential cross-entropy:  H(Q,P) = −∫ q(x) log p(x) dx = h(Q) + D(Q‖P)&lt;br&gt;For Normals: ½ log(2π σ&lt;sub&gt;P&lt;/sub&gt;²) + (σ&lt;sub&gt;Q&lt;/sub&gt;² + (μ&lt;sub&gt;Q&lt;/sub&gt; − μ&lt;sub&gt;P&lt;/sub&gt;)²) / (2σ&lt;sub&gt;P&lt;/sub&gt;²)</source>
        <translation>Entropie croisée différentielle :  H(Q,P) = −∫ q(x) log p(x) dx = h(Q) + D(Q‖P)&lt;br&gt;Pour des lois normales : ½ log(2π σ&lt;sub&gt;P&lt;/sub&gt;²) + (σ&lt;sub&gt;Q&lt;/sub&gt;² + (μ&lt;sub&gt;Q&lt;/sub&gt; − μ&lt;sub&gt;P&lt;/sub&gt;)²) / (2σ&lt;sub&gt;P&lt;/sub&gt;²)</translation>
    </message>
    <message>
        <source>KL divergence:  D(P‖Q) = ∫ p(x) log(p(x)/q(x)) dx ≥ 0 — the signed blue area below&lt;br&gt;For Normals: log(σ&lt;sub&gt;Q&lt;/sub&gt;/σ&lt;sub&gt;P&lt;/sub&gt;) + (σ&lt;sub&gt;P&lt;/sub&gt;² + (μ&lt;sub&gt;P&lt;/sub&gt; − μ&lt;sub&gt;Q&lt;/sub&gt;)²) / (2σ&lt;sub&gt;Q&lt;/sub&gt;²) − ½</source>
        <translation>Divergence de KL :  D(P‖Q) = ∫ p(x) log(p(x)/q(x)) dx ≥ 0, l&apos;aire bleue signée ci-dessous&lt;br&gt;Pour des lois normales : log(σ&lt;sub&gt;Q&lt;/sub&gt;/σ&lt;sub&gt;P&lt;/sub&gt;) + (σ&lt;sub&gt;P&lt;/sub&gt;² + (μ&lt;sub&gt;P&lt;/sub&gt; − μ&lt;sub&gt;Q&lt;/sub&gt;)²) / (2σ&lt;sub&gt;Q&lt;/sub&gt;²) − ½</translation>
    </message>
    <message>
        <source>KL divergence:  D(Q‖P) = ∫ q(x) log(q(x)/p(x)) dx ≥ 0 — the signed orange area below&lt;br&gt;For Normals: log(σ&lt;sub&gt;P&lt;/sub&gt;/σ&lt;sub&gt;Q&lt;/sub&gt;) + (σ&lt;sub&gt;Q&lt;/sub&gt;² + (μ&lt;sub&gt;Q&lt;/sub&gt; − μ&lt;sub&gt;P&lt;/sub&gt;)²) / (2σ&lt;sub&gt;P&lt;/sub&gt;²) − ½</source>
        <translation>Divergence de KL :  D(Q‖P) = ∫ q(x) log(q(x)/p(x)) dx ≥ 0, l&apos;aire orange signée ci-dessous&lt;br&gt;Pour des lois normales : log(σ&lt;sub&gt;P&lt;/sub&gt;/σ&lt;sub&gt;Q&lt;/sub&gt;) + (σ&lt;sub&gt;Q&lt;/sub&gt;² + (μ&lt;sub&gt;Q&lt;/sub&gt; − μ&lt;sub&gt;P&lt;/sub&gt;)²) / (2σ&lt;sub&gt;P&lt;/sub&gt;²) − ½</translation>
    </message>
    <message>
        <source>Fit Q: minimise D⁽ᵅ⁾(P‖Q)</source>
        <translation>Ajuster Q : minimiser D⁽ᵅ⁾(P‖Q)</translation>
    </message>
    <message>
        <source>α-fit: Q minimises Amari&apos;s α-divergence D⁽ᵅ⁾(P‖Q) from where it was.</source>
        <translation>Ajustement α : Q minimise l&apos;α-divergence d&apos;Amari D⁽ᵅ⁾(P‖Q) depuis sa position.</translation>
    </message>
    <message>
        <source>P &amp;mean μ</source>
        <translation>&amp;Moyenne μ de P</translation>
    </message>
    <message>
        <source>P&apos;s mean μ</source>
        <translation>Moyenne μ de P</translation>
    </message>
    <message>
        <source>P &amp;mean μ₁</source>
        <translation>&amp;Moyenne μ₁ de P</translation>
    </message>
    <message>
        <source>mean μ₁ of P&apos;s first component</source>
        <translation>moyenne μ₁ de la première composante de P</translation>
    </message>
    <message>
        <source>P &amp;std dev σ</source>
        <translation>Écar&amp;t-type σ de P</translation>
    </message>
    <message>
        <source>P&apos;s standard deviation σ</source>
        <translation>Écart-type σ de P</translation>
    </message>
    <message>
        <source>P &amp;std dev σ₁</source>
        <translation>Écar&amp;t-type σ₁ de P</translation>
    </message>
    <message>
        <source>std dev σ₁ of P&apos;s first component</source>
        <translation>écart-type σ₁ de la première composante de P</translation>
    </message>
    <message>
        <source>Q me&amp;an μ</source>
        <translation>Moye&amp;nne μ de Q</translation>
    </message>
    <message>
        <source>Q&apos;s mean μ</source>
        <translation>Moyenne μ de Q</translation>
    </message>
    <message>
        <source>Q me&amp;an μ₁</source>
        <translation>Moye&amp;nne μ₁ de Q</translation>
    </message>
    <message>
        <source>mean μ₁ of Q&apos;s first component</source>
        <translation>moyenne μ₁ de la première composante de Q</translation>
    </message>
    <message>
        <source>&amp;Q std dev σ</source>
        <translation>Écart-type σ de &amp;Q</translation>
    </message>
    <message>
        <source>Q&apos;s standard deviation σ</source>
        <translation>Écart-type σ de Q</translation>
    </message>
    <message>
        <source>&amp;Q std dev σ₁</source>
        <translation>Écart-type σ₁ de &amp;Q</translation>
    </message>
    <message>
        <source>std dev σ₁ of Q&apos;s first component</source>
        <translation>écart-type σ₁ de la première composante de Q</translation>
    </message>
    <message>
        <source>Entropy of P:  H(P) = −Σ pᵢ log pᵢ</source>
        <translation>Entropie de P :  H(P) = −Σ pᵢ log pᵢ</translation>
    </message>
    <message>
        <source>Entropy of Q:  H(Q) = −Σ qᵢ log qᵢ</source>
        <translation>Entropie de Q :  H(Q) = −Σ qᵢ log qᵢ</translation>
    </message>
    <message>
        <source>Cross-entropy:  H(P,Q) = −Σ pᵢ log qᵢ = H(P) + D(P‖Q)</source>
        <translation>Entropie croisée :  H(P,Q) = −Σ pᵢ log qᵢ = H(P) + D(P‖Q)</translation>
    </message>
    <message>
        <source>Cross-entropy:  H(Q,P) = −Σ qᵢ log pᵢ = H(Q) + D(Q‖P)</source>
        <translation>Entropie croisée :  H(Q,P) = −Σ qᵢ log pᵢ = H(Q) + D(Q‖P)</translation>
    </message>
    <message>
        <source>KL divergence:  D(P‖Q) = Σ pᵢ log(pᵢ / qᵢ) ≥ 0</source>
        <translation>Divergence de KL :  D(P‖Q) = Σ pᵢ log(pᵢ / qᵢ) ≥ 0</translation>
    </message>
    <message>
        <source>KL divergence:  D(Q‖P) = Σ qᵢ log(qᵢ / pᵢ) ≥ 0</source>
        <translation>Divergence de KL :  D(Q‖P) = Σ qᵢ log(qᵢ / pᵢ) ≥ 0</translation>
    </message>
    <message>
        <source>Jensen-Shannon:  ½ D(P‖M) + ½ D(Q‖M),  M = (P+Q)/2  (symmetric, ≤ log 2)</source>
        <translation>Jensen-Shannon :  ½ D(P‖M) + ½ D(Q‖M),  M = (P+Q)/2  (symétrique, ≤ log 2)</translation>
    </message>
    <message>
        <source>Uniform</source>
        <translation>Uniforme</translation>
    </message>
    <message>
        <source>Peaked</source>
        <translation>Piquée</translation>
    </message>
    <message>
        <source>Bimodal</source>
        <translation>Bimodale</translation>
    </message>
    <message>
        <source>One-hot</source>
        <translation>One-hot</translation>
    </message>
    <message>
        <source>Random (Dirichlet)</source>
        <translation>Aléatoire (Dirichlet)</translation>
    </message>
    <message>
        <source>Independent</source>
        <translation>Indépendantes</translation>
    </message>
    <message>
        <source>Perfectly dependent</source>
        <translation>Parfaitement dépendantes</translation>
    </message>
    <message>
        <source>Binary symmetric channel</source>
        <translation>Canal binaire symétrique</translation>
    </message>
    <message>
        <source>XOR-like</source>
        <translation>Type XOR</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>Aléatoire</translation>
    </message>
    <message>
        <source>Each loss below is a cross-entropy: between the target&apos;s distribution (blue) and the distribution the model&apos;s output parametrises (orange).</source>
        <extracomment>shorter than this many lines of its type, the page gives the intro&apos;s two lines to its panel (960×540 in presentation type: 18 lines; 1280×720: 25); its words stay the panel tabs&apos; tooltip</extracomment>
        <translation>Chaque perte ci-dessous est une entropie croisée : entre la distribution de la cible (en bleu) et la distribution que paramètre la sortie du modèle (en orange).</translation>
    </message>
    <message>
        <source>Binary cross-entropy: −[y log f + (1−y) log(1−f)]</source>
        <translation>Entropie croisée binaire : −[y log f + (1−y) log(1−f)]</translation>
    </message>
    <message>
        <source>Entropy of the target: the least loss any prediction can reach (at f = y)</source>
        <translation>Entropie de la cible : la plus petite perte qu&apos;une prédiction puisse atteindre (en f = y)</translation>
    </message>
    <message>
        <source>D(Bern(y) ‖ Bern(f))</source>
        <translation>D(Bern(y) ‖ Bern(f))</translation>
    </message>
    <message>
        <source>KL divergence: what the prediction adds above the target&apos;s entropy</source>
        <translation>Divergence de KL : ce que la prédiction ajoute au-dessus de l&apos;entropie de la cible</translation>
    </message>
    <message>
        <source>Categorical cross-entropy: −Σ yᵢ log fᵢ = log Σ exp(zⱼ) − Σ yᵢ zᵢ</source>
        <translation>Entropie croisée catégorielle : −Σ yᵢ log fᵢ = log Σ exp(zⱼ) − Σ yᵢ zᵢ</translation>
    </message>
    <message>
        <source>Entropy of the target (0 for a one-hot target)</source>
        <translation>Entropie de la cible (0 pour une cible one-hot)</translation>
    </message>
    <message>
        <source>KL divergence from the target to the softmax</source>
        <translation>Divergence de KL de la cible à la softmax</translation>
    </message>
    <message>
        <source>−log N(y; f, σ²)</source>
        <translation>−log N(y; f, σ²)</translation>
    </message>
    <message>
        <source>The cross-entropy of one observation y under the model N(f, σ²)</source>
        <translation>L&apos;entropie croisée d&apos;une observation y sous le modèle N(f, σ²)</translation>
    </message>
    <message>
        <source>½ log(2πσ²)</source>
        <translation>½ log(2πσ²)</translation>
    </message>
    <message>
        <source>The part that does not depend on the prediction</source>
        <translation>La partie qui ne dépend pas de la prédiction</translation>
    </message>
    <message>
        <source>The squared-error part (with its ½)</source>
        <translation>La partie erreur quadratique (avec son ½)</translation>
    </message>
    <message>
        <source>mean −log N</source>
        <translation>moyenne de −log N</translation>
    </message>
    <message>
        <source>Mean cross-entropy of the data under N(a x + b, σ²)</source>
        <translation>Entropie croisée moyenne des données sous N(a x + b, σ²)</translation>
    </message>
    <message>
        <source>Mean squared error of the line (in squared units of y; not an information unit)</source>
        <translation>Erreur quadratique moyenne de la droite (en unités de y au carré ; pas une unité d&apos;information)</translation>
    </message>
    <message>
        <source>slope a</source>
        <translation>pente a</translation>
    </message>
    <message>
        <source>Least-squares slope (numpy.polyfit gives the same)</source>
        <translation>Pente des moindres carrés (numpy.polyfit donne la même)</translation>
    </message>
    <message>
        <source>intercept b</source>
        <translation>ordonnée à l&apos;origine b</translation>
    </message>
    <message>
        <source>Least-squares intercept</source>
        <translation>Ordonnée à l&apos;origine des moindres carrés</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Suivre le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Automatic (the system&apos;s language)</source>
        <translation>Automatique (la langue du système)</translation>
    </message>
    <message>
        <source>Left / Right</source>
        <translation>Gauche / Droite</translation>
    </message>
    <message>
        <source>select the previous / next bar of the focused chart</source>
        <translation>choisir la barre précédente / suivante du graphique actif</translation>
    </message>
    <message>
        <source>Up / Down</source>
        <translation>Haut / Bas</translation>
    </message>
    <message>
        <source>raise / lower the selected bar by 0.01 (the others rescale)</source>
        <translation>monter / baisser la barre choisie de 0,01 (les autres s&apos;ajustent)</translation>
    </message>
    <message>
        <source>Shift+Up / Shift+Down</source>
        <translation>Maj+Haut / Maj+Bas</translation>
    </message>
    <message>
        <source>raise / lower the selected bar by 0.1</source>
        <translation>monter / baisser la barre choisie de 0,1</translation>
    </message>
    <message>
        <source>in quiz mode: reveal the numbers</source>
        <translation>en mode quiz : révéler les nombres</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Maj+Tab</translation>
    </message>
    <message>
        <source>move between controls and charts</source>
        <translation>passer d&apos;un réglage ou d&apos;un graphique à l&apos;autre</translation>
    </message>
    <message>
        <source>Alt + underlined letter</source>
        <translation>Alt + lettre soulignée</translation>
    </message>
    <message>
        <source>press a button or open a menu</source>
        <translation>appuyer sur un bouton ou ouvrir un menu</translation>
    </message>
    <message>
        <source>Cross-entropy = entropy + KL</source>
        <translation>Entropie croisée = entropie + KL</translation>
    </message>
    <message>
        <source>Fit Q to P</source>
        <translation>Ajuster Q à P</translation>
    </message>
    <message>
        <source>1. Entropy: how surprising is P?</source>
        <translation>1. Entropie : à quel point P surprend-elle ?</translation>
    </message>
    <message>
        <source>&lt;p&gt;Entropy measures the average surprise of outcomes drawn from P. A rare outcome (small p&lt;sub&gt;i&lt;/sub&gt;) is surprising, −log p&lt;sub&gt;i&lt;/sub&gt; is large; the entropy weighs each surprise by how often it happens.&lt;/p&gt;</source>
        <translation>&lt;p&gt;L&apos;entropie mesure la surprise moyenne des issues tirées de P. Une issue rare (p&lt;sub&gt;i&lt;/sub&gt; petit) est surprenante : −log p&lt;sub&gt;i&lt;/sub&gt; est grand ; l&apos;entropie pondère chaque surprise par sa fréquence.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Drag P towards a single bar: the entropy falls to 0 (no surprise). Make P flat: it rises to its maximum, log n.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Faites glisser P vers une seule barre : l&apos;entropie tombe à 0 (aucune surprise). Rendez P uniforme : elle monte à son maximum, log n.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>2. Cross-entropy as message length</source>
        <translation>2. L&apos;entropie croisée comme longueur de message</translation>
    </message>
    <message>
        <source>&lt;p&gt;Build a code for symbols drawn from Q: the ideal code word for symbol i is −log&lt;sub&gt;2&lt;/sub&gt; q&lt;sub&gt;i&lt;/sub&gt; bits long. Now send data that really comes from P with Q&apos;s code. The average message length per symbol is the cross-entropy H(P,Q).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Construisez un code pour des symboles tirés de Q : le mot de code idéal du symbole i a une longueur de −log&lt;sub&gt;2&lt;/sub&gt; q&lt;sub&gt;i&lt;/sub&gt; bits. Envoyez maintenant, avec le code de Q, des données qui viennent en réalité de P. La longueur moyenne du message par symbole est l&apos;entropie croisée H(P,Q).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Copy P to Q: the code now fits the data and H(P,Q) drops to H(P), the shortest average possible. Give Q a tiny bar where P is large and watch that word get long.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Copiez P dans Q : le code est maintenant adapté aux données et H(P,Q) descend à H(P), la plus courte moyenne possible. Donnez à Q une barre minuscule là où P est grande et regardez ce mot s&apos;allonger.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>3. KL divergence: the bits wasted</source>
        <translation>3. Divergence de KL : les bits gaspillés</translation>
    </message>
    <message>
        <source>&lt;p&gt;Coding P&apos;s data with Q&apos;s code costs H(P,Q) bits per symbol; the best code costs H(P). The difference is the Kullback-Leibler divergence D(P‖Q): the price of believing Q when the truth is P. It is never negative, and it is 0 only when Q = P.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Coder les données de P avec le code de Q coûte H(P,Q) bits par symbole ; le meilleur code coûte H(P). La différence est la divergence de Kullback-Leibler D(P‖Q) : le prix à payer pour croire Q quand la vérité est P. Elle n&apos;est jamais négative, et elle ne vaut 0 que lorsque Q = P.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Drag either distribution and check that the two bars of the decomposition always add up: cross-entropy = entropy + KL.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Faites glisser l&apos;une ou l&apos;autre des distributions et vérifiez que les deux barres de la décomposition s&apos;additionnent toujours : entropie croisée = entropie + KL.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>4. KL is not symmetric</source>
        <translation>4. La KL n&apos;est pas symétrique</translation>
    </message>
    <message>
        <source>&lt;p&gt;D(P‖Q) weighs the log-ratio log(p/q) by P; D(Q‖P) weighs log(q/p) by Q. Different weights, different answers: in general D(P‖Q) ≠ D(Q‖P). Where Q gives zero probability to something P can produce, D(P‖Q) is infinite — while D(Q‖P) may stay small.&lt;/p&gt;</source>
        <translation>&lt;p&gt;D(P‖Q) pondère le log-rapport log(p/q) par P ; D(Q‖P) pondère log(q/p) par Q. Des poids différents, des réponses différentes : en général D(P‖Q) ≠ D(Q‖P). Là où Q donne une probabilité nulle à quelque chose que P peut produire, D(P‖Q) est infinie, alors que D(Q‖P) peut rester petite.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Press &lt;i&gt;Swap P ⇄ Q&lt;/i&gt; and compare. Then press &lt;i&gt;Support mismatch&lt;/i&gt;: one direction becomes ∞, the other does not.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Appuyez sur &lt;i&gt;Échanger P ⇄ Q&lt;/i&gt; et comparez. Appuyez ensuite sur &lt;i&gt;Support incompatible&lt;/i&gt; : un sens devient ∞, l&apos;autre non.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>5. KL as an average over samples</source>
        <translation>5. La KL comme moyenne sur des échantillons</translation>
    </message>
    <message>
        <source>&lt;p&gt;D(P‖Q) is the expected value, under P, of log p(x)/q(x). Draw samples from P, average the log-ratios, and the running mean settles on D(P‖Q) — the law of large numbers at work. This is how KL is estimated when only samples are available.&lt;/p&gt;</source>
        <translation>&lt;p&gt;D(P‖Q) est l&apos;espérance, sous P, de log p(x)/q(x). Tirez des échantillons de P, faites la moyenne des log-rapports, et la moyenne courante se stabilise sur D(P‖Q) : la loi des grands nombres à l&apos;œuvre. C&apos;est ainsi que l&apos;on estime la KL quand on ne dispose que d&apos;échantillons.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Draw 100, then 1000 more samples and watch the running mean close in on the dashed line. Try it with Q = P (the line is at 0) and with a support mismatch.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Tirez 100, puis 1000 échantillons de plus et regardez la moyenne courante se rapprocher de la ligne en tirets. Essayez avec Q = P (la ligne est à 0) et avec un support incompatible.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>6. Binary cross-entropy</source>
        <translation>6. Entropie croisée binaire</translation>
    </message>
    <message>
        <source>&lt;p&gt;A binary classifier outputs f = sigmoid(z), the probability it gives to class 1: a Bernoulli distribution. The label y is another (a hard label is Bern(0) or Bern(1)). The usual loss −[y log f + (1−y) log(1−f)] is exactly the cross-entropy H(Bern(y), Bern(f)). With a hard label H(Bern(y)) = 0, so the loss equals the KL divergence.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Un classifieur binaire renvoie f = sigmoïde(z), la probabilité qu&apos;il donne à la classe 1 : une loi de Bernoulli. L&apos;étiquette y en est une autre (une étiquette dure est Bern(0) ou Bern(1)). La perte usuelle −[y log f + (1−y) log(1−f)] est exactement l&apos;entropie croisée H(Bern(y), Bern(f)). Avec une étiquette dure, H(Bern(y)) = 0 : la perte est égale à la divergence de KL.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Move the logit z and watch the point slide along the loss curve; set y to 0.7 (a soft label) and see the loss stay above H(Bern(y)).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Déplacez le logit z et regardez le point glisser le long de la courbe de perte ; mettez y à 0,7 (une étiquette souple) et voyez la perte rester au-dessus de H(Bern(y)).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>7. Categorical cross-entropy</source>
        <translation>7. Entropie croisée catégorielle</translation>
    </message>
    <message>
        <source>&lt;p&gt;With K classes the network outputs logits z; softmax turns them into probabilities. The loss −Σ y&lt;sub&gt;i&lt;/sub&gt; log softmax(z)&lt;sub&gt;i&lt;/sub&gt; = logsumexp(z) − Σ y&lt;sub&gt;i&lt;/sub&gt; z&lt;sub&gt;i&lt;/sub&gt; is the cross-entropy between the target and the model. Computing it from the logits (logsumexp) stays exact even when the logits are huge.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Avec K classes, le réseau renvoie des logits z ; la fonction softmax les transforme en probabilités. La perte −Σ y&lt;sub&gt;i&lt;/sub&gt; log softmax(z)&lt;sub&gt;i&lt;/sub&gt; = logsumexp(z) − Σ y&lt;sub&gt;i&lt;/sub&gt; z&lt;sub&gt;i&lt;/sub&gt; est l&apos;entropie croisée entre la cible et le modèle. La calculer à partir des logits (logsumexp) reste exact même quand les logits sont énormes.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Drag the logit of the target class up: the loss falls towards 0. With two classes the numbers match the Bernoulli panel with z = z&lt;sub&gt;1&lt;/sub&gt; − z&lt;sub&gt;0&lt;/sub&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Faites monter le logit de la classe cible : la perte tend vers 0. Avec deux classes, les nombres sont ceux du panneau Bernoulli avec z = z&lt;sub&gt;1&lt;/sub&gt; − z&lt;sub&gt;0&lt;/sub&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>8. Mean squared error is a cross-entropy too</source>
        <translation>8. L&apos;erreur quadratique moyenne est aussi une entropie croisée</translation>
    </message>
    <message>
        <source>&lt;p&gt;Let the network&apos;s output f be the mean of a Normal with variance 1. The cross-entropy for a target y is −log N(y; f, 1) = ½ log 2π + ½ (y − f)&lt;sup&gt;2&lt;/sup&gt; — note the ½ on the squared error. Averaged over data pairs (x, y) it is ½ log 2π + ½ MSE, so minimising the MSE and minimising this cross-entropy give the same fit.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Prenons pour sortie f du réseau la moyenne d&apos;une loi normale de variance 1. L&apos;entropie croisée pour une cible y est −log N(y; f, 1) = ½ log 2π + ½ (y − f)&lt;sup&gt;2&lt;/sup&gt; (notez le ½ devant l&apos;erreur quadratique). En moyenne sur des paires de données (x, y), elle vaut ½ log 2π + ½ MSE : minimiser la MSE et minimiser cette entropie croisée donnent le même ajustement.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Drag the data points and watch the fitted line: the mean cross-entropy and ½ MSE move together, a constant ½ log 2π apart.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Faites glisser les points de données et observez la droite ajustée : l&apos;entropie croisée moyenne et ½ MSE bougent ensemble, séparées par une constante ½ log 2π.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>9. Codes you can count</source>
        <translation>9. Des codes que l&apos;on peut compter</translation>
    </message>
    <message>
        <source>&lt;p&gt;Cross-entropy is a length you can count. Give each symbol a real code word built for Q (a Huffman code, or Shannon&apos;s ⌈−log&lt;sub&gt;2&lt;/sub&gt; q&lt;sub&gt;i&lt;/sub&gt;⌉ bits). Draw each symbol as a column: its width is p&lt;sub&gt;i&lt;/sub&gt;, how often it is sent; its height is the length of its word. The area is the average number of bits per symbol. With ideal lengths −log&lt;sub&gt;2&lt;/sub&gt; q&lt;sub&gt;i&lt;/sub&gt; the area is H(P,Q); with P&apos;s own lengths it is H(P); the area between them is D(P‖Q).&lt;/p&gt;</source>
        <translation>&lt;p&gt;L&apos;entropie croisée est une longueur que l&apos;on peut compter. Donnez à chaque symbole un vrai mot de code construit pour Q (un code de Huffman, ou les ⌈−log&lt;sub&gt;2&lt;/sub&gt; q&lt;sub&gt;i&lt;/sub&gt;⌉ bits de Shannon). Dessinez chaque symbole comme une colonne : sa largeur est p&lt;sub&gt;i&lt;/sub&gt;, sa fréquence d&apos;envoi ; sa hauteur est la longueur de son mot. L&apos;aire est le nombre moyen de bits par symbole. Avec les longueurs idéales −log&lt;sub&gt;2&lt;/sub&gt; q&lt;sub&gt;i&lt;/sub&gt;, l&apos;aire vaut H(P,Q) ; avec les longueurs propres à P, elle vaut H(P) ; l&apos;aire entre les deux est D(P‖Q).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Drag Q towards P: the columns get shorter until the extra area vanishes. Then send a message: the bit string&apos;s length is close to N·H(P,Q), never below N·H(P).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Faites glisser Q vers P : les colonnes raccourcissent jusqu&apos;à ce que l&apos;aire en trop disparaisse. Envoyez ensuite un message : la longueur de la suite de bits est proche de N·H(P,Q), jamais inférieure à N·H(P).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>10. Normals: entropy below zero</source>
        <translation>10. Lois normales : une entropie sous zéro</translation>
    </message>
    <message>
        <source>&lt;p&gt;For a density the same formulas hold with integrals, but a density is not a probability: a narrow Normal is taller than 1, so −log p(x) is negative near its peak. The differential entropy of N(μ, σ²) is ½ log(2πe σ&lt;sup&gt;2&lt;/sup&gt;), negative once σ &amp;lt; 1/√(2πe) ≈ 0.242. It is no longer an average number of bits. D(P‖Q) keeps its meaning: it stays ≥ 0, and 0 only when Q = P.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Pour une densité, les mêmes formules valent avec des intégrales, mais une densité n&apos;est pas une probabilité : une loi normale étroite dépasse 1, donc −log p(x) est négatif près de son pic. L&apos;entropie différentielle de N(μ, σ²) vaut ½ log(2πe σ&lt;sup&gt;2&lt;/sup&gt;), négative dès que σ &amp;lt; 1/√(2πe) ≈ 0,242. Ce n&apos;est plus un nombre moyen de bits. D(P‖Q) garde son sens : elle reste ≥ 0, et ne vaut 0 que lorsque Q = P.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Move P&apos;s std dev slider past 0.242 and watch h(P) change sign. Then move Q&apos;s mean and std dev: D(P‖Q) never goes below 0.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Déplacez le curseur de l&apos;écart-type de P au-delà de 0,242 et regardez h(P) changer de signe. Déplacez ensuite la moyenne et l&apos;écart-type de Q : D(P‖Q) ne descend jamais sous 0.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>11. Forward and reverse fits</source>
        <translation>11. Ajustements direct et inverse</translation>
    </message>
    <message>
        <source>&lt;p&gt;Fit a single Normal Q to a two-peaked P. Minimising D(P‖Q) (forward KL) punishes Q wherever P has mass and Q has little, so Q spreads out to cover both peaks: &lt;i&gt;mean-covering&lt;/i&gt; (it matches P&apos;s mean and variance). Minimising D(Q‖P) (reverse KL) punishes Q wherever Q has mass and P has little, so Q crowds into one peak: &lt;i&gt;mode-seeking&lt;/i&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Ajustez une seule loi normale Q à une P à deux pics. Minimiser D(P‖Q) (KL directe) pénalise Q partout où P a de la masse et Q peu, si bien que Q s&apos;étale pour couvrir les deux pics : elle &lt;i&gt;couvre la moyenne&lt;/i&gt; (elle reprend la moyenne et la variance de P). Minimiser D(Q‖P) (KL inverse) pénalise Q partout où Q a de la masse et P peu, si bien que Q se resserre sur un seul pic : elle &lt;i&gt;cherche un mode&lt;/i&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Press &lt;i&gt;Animate the forward fit&lt;/i&gt; below and watch Q widen over both peaks. Then press &lt;i&gt;Animate the reverse fit&lt;/i&gt;: from the same start, Q settles on the peak nearest it. Move Q&apos;s mean to the other side first and the reverse fit picks the other peak.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Appuyez sur &lt;i&gt;Animer l&apos;ajustement direct&lt;/i&gt; ci-dessous et regardez Q s&apos;élargir sur les deux pics. Appuyez ensuite sur &lt;i&gt;Animer l&apos;ajustement inverse&lt;/i&gt; : depuis le même départ, Q se pose sur le pic le plus proche. Placez d&apos;abord la moyenne de Q de l&apos;autre côté, et l&apos;ajustement inverse choisit l&apos;autre pic.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>12. The α family: between the two fits</source>
        <translation>12. La famille α : entre les deux ajustements</translation>
    </message>
    <message>
        <source>&lt;p&gt;The two directions of KL are the ends of one family, Amari&apos;s α-divergences. As α → 0 it becomes the reverse KL D(Q‖P), at α = ½ it is (a multiple of) the squared Hellinger distance, as α → 1 the forward KL D(P‖Q), and at α = 2 a χ² divergence. Fitting a Normal with each α moves continuously from mode-seeking to mass-covering.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Les deux sens de la KL sont les extrémités d&apos;une même famille, les α-divergences d&apos;Amari. Quand α → 0, elle devient la KL inverse D(Q‖P) ; à α = ½, c&apos;est (un multiple de) la distance de Hellinger au carré ; quand α → 1, la KL directe D(P‖Q) ; et à α = 2, une divergence du χ². Ajuster une loi normale pour chaque α passe continûment de la recherche de mode à la couverture de masse.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Move the α-fit slider from −2 towards 3: Q slides from one peak to covering both, and its σ grows with α. Watch the inset plot of the fitted μ and σ against α.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Déplacez le curseur de l&apos;ajustement α de −2 vers 3 : Q glisse d&apos;un pic à la couverture des deux, et son σ croît avec α. Observez le petit graphique des μ et σ ajustés en fonction de α.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>13. Mutual information is a KL divergence</source>
        <translation>13. L&apos;information mutuelle est une divergence de KL</translation>
    </message>
    <message>
        <source>&lt;p&gt;Two variables X and Y have a joint distribution P(X,Y). If they were independent it would be the product of its marginals, P(X)P(Y). Mutual information measures how far they are from that: I(X;Y) = D(P(X,Y) ‖ P(X)P(Y)), the bits per pair wasted by a code that treats them as independent. It is what the information diagram shows between H(X|Y) and H(Y|X).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Deux variables X et Y ont une loi jointe P(X,Y). Si elles étaient indépendantes, ce serait le produit de ses marginales, P(X)P(Y). L&apos;information mutuelle mesure à quelle distance elles en sont : I(X;Y) = D(P(X,Y) ‖ P(X)P(Y)), les bits par paire gaspillés par un code qui les traite comme indépendantes. C&apos;est ce que le diagramme d&apos;information montre entre H(X|Y) et H(Y|X).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;This is a binary symmetric channel: Y is X flipped with probability ε. Move the ε slider: I(X;Y) = 1 − h(ε) bits, 1 at ε = 0 and 0 at ε = ½. Then try the XOR-like preset.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Voici un canal binaire symétrique : Y est X inversé avec la probabilité ε. Déplacez le curseur ε : I(X;Y) = 1 − h(ε) bits, 1 à ε = 0 et 0 à ε = ½. Essayez ensuite le préréglage de type XOR.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>14. Minimise cross-entropy, minimise KL: one optimum</source>
        <translation>14. Minimiser l&apos;entropie croisée, minimiser la KL : un seul optimum</translation>
    </message>
    <message>
        <source>&lt;p&gt;Training a classifier minimises the cross-entropy H(P,Q) between the data P and the model Q. Since H(P,Q) = H(P) + D(P‖Q) and H(P) does not depend on Q, every change of Q moves both by the same amount: the cross-entropy and the KL divergence have the same gradient and the same minimiser, Q = P. Minimising the loss &lt;i&gt;is&lt;/i&gt; minimising the KL divergence; the floor H(P,Q) cannot go below is H(P).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Entraîner un classifieur minimise l&apos;entropie croisée H(P,Q) entre les données P et le modèle Q. Comme H(P,Q) = H(P) + D(P‖Q) et que H(P) ne dépend pas de Q, tout changement de Q déplace les deux de la même quantité : l&apos;entropie croisée et la divergence de KL ont le même gradient et le même minimiseur, Q = P. Minimiser la perte, &lt;i&gt;c&apos;est&lt;/i&gt; minimiser la divergence de KL ; le plancher sous lequel H(P,Q) ne peut pas descendre est H(P).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Press &lt;i&gt;Fit Q to P&lt;/i&gt;: gradient descent on Q&apos;s logits. The chart draws H(P,Q) and D(P‖Q) at each iteration: two parallel curves a constant H(P) apart, reaching their floors, H(P) and 0, together when Q = P. Undo puts Q back in one step.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Appuyez sur &lt;i&gt;Ajuster Q à P&lt;/i&gt; : une descente de gradient sur les logits de Q. Le graphique trace H(P,Q) et D(P‖Q) à chaque itération : deux courbes parallèles séparées par la constante H(P), qui atteignent ensemble leurs planchers, H(P) et 0, quand Q = P. Annuler remet Q en place en une étape.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>H(P,Q) = Σ p&lt;sub&gt;i&lt;/sub&gt; · (−log q&lt;sub&gt;i&lt;/sub&gt;) = &lt;b&gt;{h_pq} {unit}&lt;/b&gt; per symbol; the best possible, H(P) = {h_p} {unit}</source>
        <translation>H(P,Q) = Σ p&lt;sub&gt;i&lt;/sub&gt; · (−log q&lt;sub&gt;i&lt;/sub&gt;) = &lt;b&gt;{h_pq} {unit}&lt;/b&gt; par symbole ; le meilleur possible, H(P) = {h_p} {unit}</translation>
    </message>
    <message>
        <source>ideal area H(P,Q) = &lt;b&gt;{h_pq} {unit}&lt;/b&gt; = H(P) {h_p} + D(P‖Q) {kl} {unit} per symbol</source>
        <translation>aire idéale H(P,Q) = &lt;b&gt;{h_pq} {unit}&lt;/b&gt; = H(P) {h_p} + D(P‖Q) {kl} {unit} par symbole</translation>
    </message>
    <message>
        <source>H(P,Q) − D(P‖Q) = {h_pq} − {kl} = &lt;b&gt;H(P) = {h_p} {unit}&lt;/b&gt;, whatever Q is</source>
        <translation>H(P,Q) − D(P‖Q) = {h_pq} − {kl} = &lt;b&gt;H(P) = {h_p} {unit}&lt;/b&gt;, quelle que soit Q</translation>
    </message>
    <message>
        <source>code length −log₂ q (bits)</source>
        <translation>longueur de code −log₂ q (bits)</translation>
    </message>
    <message>
        <source>ideal lengths −log₂ pᵢ</source>
        <translation>longueurs idéales −log₂ pᵢ</translation>
    </message>
    <message>
        <source>Q&apos;s ideal lengths −log₂ qᵢ</source>
        <translation>Longueurs idéales de Q −log₂ qᵢ</translation>
    </message>
    <message>
        <source>L_Shannon(P; Q)</source>
        <translation>L_Shannon(P; Q)</translation>
    </message>
    <message>
        <source>Q&apos;s Shannon code ⌈−log₂ qᵢ⌉</source>
        <translation>Code de Shannon de Q ⌈−log₂ qᵢ⌉</translation>
    </message>
    <message>
        <source>Q&apos;s Huffman code</source>
        <translation>Code de Huffman de Q</translation>
    </message>
    <message>
        <source>L_Huffman(P; Q)</source>
        <translation>L_Huffman(P; Q)</translation>
    </message>
    <message>
        <source>{head}: {value} = ∞ bits ({why})</source>
        <translation>{head} : {value} = ∞ bits ({why})</translation>
    </message>
    <message>
        <source>{head}: {a} ≤ {b} &lt; {c} bits</source>
        <translation>{head} : {a} ≤ {b} &lt; {c} bits</translation>
    </message>
    <message>
        <source>{head}: {a} ≤ {b} &lt; {c} bits (the gap is below floating-point precision here: the probabilities are too close to 0 or 1 for doubles to hold it; the bound is strict in exact arithmetic)</source>
        <translation>{head} : {a} ≤ {b} &lt; {c} bits (l&apos;écart est ici sous la précision de la virgule flottante : les probabilités sont trop proches de 0 ou de 1 pour que des doubles le représentent ; l&apos;inégalité est stricte en arithmétique exacte)</translation>
    </message>
    <message>
        <source>Q({names}) = 0 where P({names}) &gt; 0: the ideal length −log₂ q is infinite and Q&apos;s codes have no word for {names}, so H(P,Q), D(P‖Q) and both code lengths are ∞</source>
        <translation>Q({names}) = 0 là où P({names}) &gt; 0 : la longueur idéale −log₂ q est infinie et les codes de Q n&apos;ont pas de mot pour {names}, donc H(P,Q), D(P‖Q) et les deux longueurs de code sont ∞</translation>
    </message>
    <message>
        <source>Q&apos;s code has no word for {names}</source>
        <translation>le code de Q n&apos;a pas de mot pour {names}</translation>
    </message>
    <message>
        <source>P and Q (two files, shared bins)</source>
        <translation>P et Q (deux fichiers, classes communes)</translation>
    </message>
    <message>
        <source>the joint P(X, Y)</source>
        <translation>la loi jointe P(X, Y)</translation>
    </message>
    <message>
        <source>the loss lab&apos;s batch</source>
        <translation>le lot du labo des pertes</translation>
    </message>
    <message>
        <source>weights or counts (@FILE)</source>
        <translation>poids ou effectifs (@FICHIER)</translation>
    </message>
    <message>
        <source>logits → softmax (softmax@FILE)</source>
        <translation>logits → softmax (softmax@FICHIER)</translation>
    </message>
    <message>
        <source>samples (samples@FILE)</source>
        <translation>échantillons (samples@FICHIER)</translation>
    </message>
    <message>
        <source>Each row is one data pair (x, y): its cross-entropy is −log softmax(z)_y. Their mean is the expectation over the data pairs, E over p̂_data of −log q(y | x): the loss a training step sees.</source>
        <translation>Chaque ligne est une paire de données (x, y) : son entropie croisée est −log softmax(z)_y. Leur moyenne est l&apos;espérance sur les paires de données, E sous p̂_data de −log q(y | x) : la perte que voit une étape d&apos;entraînement.</translation>
    </message>
    <message>
        <source>bins apply only to numeric samples; {path} holds {kind}</source>
        <translation>les classes d&apos;histogramme ne s&apos;appliquent qu&apos;à des échantillons numériques ; {path} contient des {kind}</translation>
    </message>
    <message>
        <source>{side}: {why}</source>
        <translation>{side} : {why}</translation>
    </message>
    <message>
        <source>bins apply only when P and Q are both numeric samples</source>
        <translation>les classes d&apos;histogramme ne s&apos;appliquent que si P et Q sont tous deux des échantillons numériques</translation>
    </message>
    <message>
        <source>{n:,} categories: measured in full; bars are editable up to {most} (the charts show P and Q as lines; change the category count or choose a preset to edit).</source>
        <translation>{n:,} catégories : mesurées en totalité ; les barres sont modifiables jusqu&apos;à {most} (les graphiques montrent P et Q sous forme de lignes ; changez le nombre de catégories ou choisissez un préréglage pour modifier).</translation>
    </message>
    <message>
        <source>The pointwise chart sums the terms of each {group:,} consecutive categories into one bar (named by its first), so its bars still add up to the divergences.</source>
        <translation>Le graphique des termes ponctuels regroupe les termes de {group:,} catégories consécutives en une seule barre (nommée d&apos;après la première) : ses barres s&apos;additionnent donc toujours en les divergences.</translation>
    </message>
    <message>
        <source> (for Normals: unless {cond})</source>
        <translation> (pour des lois normales : sauf si {cond})</translation>
    </message>
    <message>
        <source>Total variation:  TV(P,Q) = ½ {s} |p − q|{d}  in [0, 1], unitless (no log)
The largest difference in probability P and Q give to any one event.</source>
        <translation>Variation totale :  TV(P,Q) = ½ {s} |p − q|{d}  dans [0, 1], sans unité (pas de log)
La plus grande différence de probabilité que P et Q donnent à un même événement.</translation>
    </message>
    <message>
        <source>Hellinger distance:  He(P,Q) = √(½ {s} (√p − √q)²{d}) = √(1 − {s} √(p q){d})
in [0, 1], unitless; computed from the differences of square roots.</source>
        <translation>Distance de Hellinger :  He(P,Q) = √(½ {s} (√p − √q)²{d}) = √(1 − {s} √(p q){d})
dans [0, 1], sans unité ; calculée à partir des différences des racines carrées.</translation>
    </message>
    <message>
        <source>Pearson χ²:  χ²(P‖Q) = {s} (p − q)² / q{d}, unitless&lt;br&gt;∞ where Q = 0 but P &gt; 0{normals}</source>
        <translation>χ² de Pearson :  χ²(P‖Q) = {s} (p − q)² / q{d}, sans unité&lt;br&gt;∞ là où Q = 0 mais P &gt; 0{normals}</translation>
    </message>
    <message>
        <source>Pearson χ²:  χ²(Q‖P) = {s} (q − p)² / p{d}, unitless&lt;br&gt;∞ where P = 0 but Q &gt; 0{normals}</source>
        <translation>χ² de Pearson :  χ²(Q‖P) = {s} (q − p)² / p{d}, sans unité&lt;br&gt;∞ là où P = 0 mais Q &gt; 0{normals}</translation>
    </message>
    <message>
        <source>Rényi divergence of order α:  D&lt;sub&gt;α&lt;/sub&gt;(P‖Q) = 1/(α − 1) · log {s} p^α q^(1−α){d}&lt;br&gt;α → 1 is D(P‖Q) (KL); α = ∞ is log max p/q; non-decreasing in α; in the chosen unit.</source>
        <translation>Divergence de Rényi d&apos;ordre α :  D&lt;sub&gt;α&lt;/sub&gt;(P‖Q) = 1/(α − 1) · log {s} p^α q^(1−α){d}&lt;br&gt;α → 1 donne D(P‖Q) (KL) ; α = ∞ donne log max p/q ; croissante en α ; dans l&apos;unité choisie.</translation>
    </message>
    <message>
        <source>Rényi divergence of order α:  D&lt;sub&gt;α&lt;/sub&gt;(Q‖P) = 1/(α − 1) · log {s} q^α p^(1−α){d}&lt;br&gt;α → 1 is D(Q‖P) (KL); α = ∞ is log max q/p; non-decreasing in α; in the chosen unit.</source>
        <translation>Divergence de Rényi d&apos;ordre α :  D&lt;sub&gt;α&lt;/sub&gt;(Q‖P) = 1/(α − 1) · log {s} q^α p^(1−α){d}&lt;br&gt;α → 1 donne D(Q‖P) (KL) ; α = ∞ donne log max q/p ; croissante en α ; dans l&apos;unité choisie.</translation>
    </message>
    <message>
        <source>α ≤ 0: zero-forcing, Q inside one mode</source>
        <translation>α ≤ 0 : forçage à zéro, Q dans un seul mode</translation>
    </message>
    <message>
        <source>α → 0: reverse KL D(Q‖P), mode-seeking</source>
        <translation>α → 0 : KL inverse D(Q‖P), recherche de mode</translation>
    </message>
    <message>
        <source>α = ½: 4·He²(P,Q), Hellinger</source>
        <translation>α = ½ : 4·He²(P,Q), Hellinger</translation>
    </message>
    <message>
        <source>α → 1: forward KL D(P‖Q), mass-covering</source>
        <translation>α → 1 : KL directe D(P‖Q), couverture de masse</translation>
    </message>
    <message>
        <source>α ≥ 1: inclusive, Q covers all of P</source>
        <translation>α ≥ 1 : inclusive, Q couvre toute P</translation>
    </message>
    <message>
        <source>α = 0: the reverse KL D(Q‖P), mode-seeking</source>
        <translation>α = 0 : la KL inverse D(Q‖P), recherche de mode</translation>
    </message>
    <message>
        <source>α = 1: the forward KL D(P‖Q), mass-covering (moment matching)</source>
        <translation>α = 1 : la KL directe D(P‖Q), couverture de masse (égalisation des moments)</translation>
    </message>
    <message>
        <source>α = ½: 4·He²(P,Q), the Hellinger distance squared</source>
        <translation>α = ½ : 4·He²(P,Q), le carré de la distance de Hellinger</translation>
    </message>
    <message>
        <source>α = {alpha} &lt; 0: zero-forcing, more mode-seeking than the reverse KL</source>
        <translation>α = {alpha} &lt; 0 : forçage à zéro, recherche de mode plus marquée que la KL inverse</translation>
    </message>
    <message>
        <source>α = {alpha}, between the reverse (0) and the forward KL (1)</source>
        <translation>α = {alpha}, entre la KL inverse (0) et la KL directe (1)</translation>
    </message>
    <message>
        <source>α = {alpha} &gt; 1: inclusive, more mass-covering than the forward KL</source>
        <translation>α = {alpha} &gt; 1 : inclusive, couvre la masse davantage que la KL directe</translation>
    </message>
    <message>
        <source>D⁽ᵅ⁾(P‖Q) is finite only for Q&apos;s σ &gt; {lo} (α &gt; 1: Q&apos;s tails must not be lighter)</source>
        <translation>D⁽ᵅ⁾(P‖Q) n&apos;est finie que pour σ de Q &gt; {lo} (α &gt; 1 : les queues de Q ne doivent pas être plus légères)</translation>
    </message>
    <message>
        <source>D⁽ᵅ⁾(P‖Q) is finite only for Q&apos;s σ &lt; {hi} (α &lt; 0: Q&apos;s tails must be lighter)</source>
        <translation>D⁽ᵅ⁾(P‖Q) n&apos;est finie que pour σ de Q &lt; {hi} (α &lt; 0 : les queues de Q doivent être plus légères)</translation>
    </message>
    <message>
        <source>{q}, D⁽ᵅ⁾(P‖Q) = {value} nats (Amari&apos;s α-divergence, in nats whatever the unit)</source>
        <translation>{q}, D⁽ᵅ⁾(P‖Q) = {value} nats (α-divergence d&apos;Amari, en nats quelle que soit l&apos;unité)</translation>
    </message>
    <message>
        <source>No fit: {reason}</source>
        <translation>Pas d&apos;ajustement : {reason}</translation>
    </message>
    <message>
        <source>{finite}; the fit stays where it is finite.</source>
        <translation>{finite} ; l&apos;ajustement reste là où elle est finie.</translation>
    </message>
    <message>
        <source>The fit stopped: {status}.</source>
        <translation>L&apos;ajustement s&apos;est arrêté : {status}.</translation>
    </message>
    <message>
        <source>values hidden in quiz mode</source>
        <translation>valeurs masquées en mode quiz</translation>
    </message>
    <message>
        <source>X and Y independent: the joint equals the product of its marginals, I(X;Y) = 0.</source>
        <translation>X et Y indépendantes : la loi jointe est égale au produit de ses marginales, I(X;Y) = 0.</translation>
    </message>
    <message>
        <source>Y = X: knowing one gives the other; I(X;Y) = H(X) = H(Y), and H(X|Y) = H(Y|X) = 0.</source>
        <translation>Y = X : connaître l&apos;une donne l&apos;autre ; I(X;Y) = H(X) = H(Y), et H(X|Y) = H(Y|X) = 0.</translation>
    </message>
    <message>
        <source>A symmetric channel: X uniform, Y = X except with probability ε, spread over the other values; for two symbols (the binary symmetric channel) I(X;Y) = log 2 − h(ε).</source>
        <translation>Un canal symétrique : X uniforme, Y = X sauf avec la probabilité ε, répartie sur les autres valeurs ; pour deux symboles (le canal binaire symétrique), I(X;Y) = log 2 − h(ε).</translation>
    </message>
    <message>
        <source>X = (A, B), two fair coins; Y = A xor B. Both marginals are uniform, just as for independent variables, yet X determines Y: I(X;Y) = H(Y) = log 2. Y alone says nothing about A, nor about B, only about the pair.</source>
        <translation>X = (A, B), deux pièces équilibrées ; Y = A xor B. Les deux marginales sont uniformes, comme pour des variables indépendantes, et pourtant X détermine Y : I(X;Y) = H(Y) = log 2. Y seule ne dit rien de A, ni de B, seulement de la paire.</translation>
    </message>
    <message>
        <source>A random joint (Dirichlet(1) over the cells, seeded).</source>
        <translation>Une loi jointe aléatoire (Dirichlet(1) sur les cases, à graine fixée).</translation>
    </message>
    <message>
        <source>{path}: {reason}</source>
        <translation>{path} : {reason}</translation>
    </message>
    <message>
        <source>{path}, line {line}: {reason}</source>
        <translation>{path}, ligne {line} : {reason}</translation>
    </message>
    <message>
        <source>{path}, column {column}: {reason}</source>
        <translation>{path}, colonne {column} : {reason}</translation>
    </message>
    <message>
        <source>{path}, line {line}, column {column}: {reason}</source>
        <translation>{path}, ligne {line}, colonne {column} : {reason}</translation>
    </message>
    <message>
        <source>joint weights</source>
        <translation>poids de la loi jointe</translation>
    </message>
    <message>
        <source>logits</source>
        <translation>logits</translation>
    </message>
    <message>
        <source>samples</source>
        <translation>échantillons</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>poids</translation>
    </message>
    <message>
        <source>logits file</source>
        <translation>fichier de logits</translation>
    </message>
    <message>
        <source>samples file</source>
        <translation>fichier d&apos;échantillons</translation>
    </message>
    <message>
        <source>weights file</source>
        <translation>fichier de poids</translation>
    </message>
    <message>
        <source>joint table</source>
        <translation>tableau de loi jointe</translation>
    </message>
    <message>
        <source>logit batch</source>
        <translation>lot de logits</translation>
    </message>
    <message>
        <source>not a file name: {path}</source>
        <translation>pas un nom de fichier : {path}</translation>
    </message>
    <message>
        <source>{first} or {last}</source>
        <translation>{first} ou {last}</translation>
    </message>
    <message>
        <source>ends in {ext}</source>
        <translation>se termine par {ext}</translation>
    </message>
    <message>
        <source>has no extension</source>
        <translation>n&apos;a pas d&apos;extension</translation>
    </message>
    <message>
        <source>a {what} must be a {kinds} file (this one {has})</source>
        <translation>un {what} doit être un fichier {kinds} (celui-ci {has})</translation>
    </message>
    <message>
        <source>this is UTF-16 text; save it as UTF-8</source>
        <translation>c&apos;est du texte UTF-16 ; enregistrez-le en UTF-8</translation>
    </message>
    <message>
        <source>character {column} is a carriage return without a line feed (use LF or CRLF line ends)</source>
        <translation>le caractère {column} est un retour chariot sans saut de ligne (utilisez des fins de ligne LF ou CRLF)</translation>
    </message>
    <message>
        <source>character {column} is the control character U+{code:04X}; a data file is plain text</source>
        <translation>le caractère {column} est le caractère de contrôle U+{code:04X} ; un fichier de données est du texte brut</translation>
    </message>
    <message>
        <source>byte {byte} is a NUL byte: this is a binary file, not text</source>
        <translation>l&apos;octet {byte} est un octet NUL : c&apos;est un fichier binaire, pas du texte</translation>
    </message>
    <message>
        <source>byte {byte} (0x{value:02x}) is not UTF-8 text; save the file as UTF-8</source>
        <translation>l&apos;octet {byte} (0x{value:02x}) n&apos;est pas du texte UTF-8 ; enregistrez le fichier en UTF-8</translation>
    </message>
    <message>
        <source>not valid CSV ({why})</source>
        <translation>CSV non valide ({why})</translation>
    </message>
    <message>
        <source>a quoted cell runs past the end of the line</source>
        <translation>une cellule entre guillemets dépasse la fin de la ligne</translation>
    </message>
    <message>
        <source>no data: the file is empty or holds only blank lines and # comments</source>
        <translation>aucune donnée : le fichier est vide ou ne contient que des lignes vides et des commentaires #</translation>
    </message>
    <message>
        <source>{cells}, but line {line} has {width}: every row of a {what} has the same number of cells</source>
        <translation>{cells}, mais la ligne {line} en a {width} : toutes les lignes d&apos;un {what} ont le même nombre de cellules</translation>
    </message>
    <message>
        <source>{n} cell</source>
        <translation>{n} cellule</translation>
    </message>
    <message>
        <source>{n} cells</source>
        <translation>{n} cellules</translation>
    </message>
    <message>
        <source>{cell} is not a finite number ({what} must be finite)</source>
        <translation>{cell} n&apos;est pas un nombre fini (les {what} doivent être finis)</translation>
    </message>
    <message>
        <source>{cell} is negative ({what} must be ≥ 0)</source>
        <translation>{cell} est négatif (les {what} doivent être ≥ 0)</translation>
    </message>
    <message>
        <source>an empty cell (expected {what})</source>
        <translation>une cellule vide (attendu : des {what})</translation>
    </message>
    <message>
        <source>{cell} is not a number (expected {what})</source>
        <translation>{cell} n&apos;est pas un nombre (attendu : des {what})</translation>
    </message>
    <message>
        <source>the label {label} holds the invisible character U+{code:04X}</source>
        <translation>l&apos;étiquette {label} contient le caractère invisible U+{code:04X}</translation>
    </message>
    <message>
        <source>an empty label</source>
        <translation>une étiquette vide</translation>
    </message>
    <message>
        <source>a label of {n} characters (at most {most})</source>
        <translation>une étiquette de {n} caractères (au plus {most})</translation>
    </message>
    <message>
        <source>label</source>
        <translation>étiquette</translation>
    </message>
    <message>
        <source>line {line}, column {column}</source>
        <translation>la ligne {line}, colonne {column}</translation>
    </message>
    <message>
        <source>line {line}</source>
        <translation>la ligne {line}</translation>
    </message>
    <message>
        <source>the {what} {label} appears twice (also on {at})</source>
        <translation>l&apos;{what} {label} apparaît deux fois (aussi à {at})</translation>
    </message>
    <message>
        <source>not a readable .npy file ({why})</source>
        <translation>pas un fichier .npy lisible ({why})</translation>
    </message>
    <message>
        <source>the array holds Python objects, which are not read (no pickles)</source>
        <translation>le tableau contient des objets Python, qui ne sont pas lus (pas de pickles)</translation>
    </message>
    <message>
        <source>the header promises {promised:,} bytes of data but the file holds {held:,}</source>
        <translation>l&apos;en-tête annonce {promised:,} octets de données mais le fichier en contient {held:,}</translation>
    </message>
    <message>
        <source>not a single .npy array</source>
        <translation>pas un seul tableau .npy</translation>
    </message>
    <message>
        <source>the array is {ndim}-D with shape {shape}; expected {want}</source>
        <translation>le tableau est {ndim}-D, de forme {shape} ; attendu : {want}</translation>
    </message>
    <message>
        <source>the array is empty</source>
        <translation>le tableau est vide</translation>
    </message>
    <message>
        <source>the array holds {dtype} values; {what} must be integers or floats</source>
        <translation>le tableau contient des valeurs {dtype} ; les {what} doivent être des entiers ou des flottants</translation>
    </message>
    <message>
        <source>entry [{index}] = {value} is negative ({what} must be finite and ≥ 0)</source>
        <translation>l&apos;entrée [{index}] = {value} est négative (les {what} doivent être finis et ≥ 0)</translation>
    </message>
    <message>
        <source>entry [{index}] = {value} is not finite ({what} must be finite and ≥ 0)</source>
        <translation>l&apos;entrée [{index}] = {value} n&apos;est pas finie (les {what} doivent être finis et ≥ 0)</translation>
    </message>
    <message>
        <source>entry [{index}] = {value} is not finite ({what} must be finite)</source>
        <translation>l&apos;entrée [{index}] = {value} n&apos;est pas finie (les {what} doivent être finis)</translation>
    </message>
    <message>
        <source>{width} cells in a row: a weights file has one column (weights), two (label, weight), or a single row</source>
        <translation>{width} cellules sur une ligne : un fichier de poids a une colonne (les poids), deux (étiquette, poids) ou une seule ligne</translation>
    </message>
    <message>
        <source>{width} cells in a row: a logits file has one column (logits), two (label, logit), or a single row</source>
        <translation>{width} cellules sur une ligne : un fichier de logits a une colonne (les logits), deux (étiquette, logit) ou une seule ligne</translation>
    </message>
    <message>
        <source>only a header line, no data</source>
        <translation>seulement une ligne d&apos;en-tête, aucune donnée</translation>
    </message>
    <message>
        <source>{n:,} {what}; at most {most:,} categories</source>
        <translation>{n:,} {what} ; au plus {most:,} catégories</translation>
    </message>
    <message>
        <source>every weight is zero: at least one must be positive</source>
        <translation>tous les poids sont nuls : au moins un doit être positif</translation>
    </message>
    <message>
        <source>{cells}: a samples file has one sample per line (one column)</source>
        <translation>{cells} : un fichier d&apos;échantillons a un échantillon par ligne (une colonne)</translation>
    </message>
    <message>
        <source>{n:,} samples; at most {most:,}</source>
        <translation>{n:,} échantillons ; au plus {most:,}</translation>
    </message>
    <message>
        <source>the array holds numbers; categorical samples need strings</source>
        <translation>le tableau contient des nombres ; des échantillons catégoriels demandent des chaînes</translation>
    </message>
    <message>
        <source>{n:,} different categories; at most {most:,}</source>
        <translation>{n:,} catégories différentes ; au plus {most:,}</translation>
    </message>
    <message>
        <source>an empty sample (numeric samples)</source>
        <translation>un échantillon vide (échantillons numériques)</translation>
    </message>
    <message>
        <source>{cell} is not a number (numeric samples)</source>
        <translation>{cell} n&apos;est pas un nombre (échantillons numériques)</translation>
    </message>
    <message>
        <source>entry {k}</source>
        <translation>l&apos;entrée {k}</translation>
    </message>
    <message>
        <source>{cell} is a number, unlike {at} ({other}): samples must be all numbers (a histogram) or all labels (categories)</source>
        <translation>{cell} est un nombre, contrairement à {at} ({other}) : les échantillons doivent être tous des nombres (un histogramme) ou tous des étiquettes (des catégories)</translation>
    </message>
    <message>
        <source>{cell} is not a number, unlike {at} ({other}): samples must be all numbers (a histogram) or all labels (categories)</source>
        <translation>{cell} n&apos;est pas un nombre, contrairement à {at} ({other}) : les échantillons doivent être tous des nombres (un histogramme) ou tous des étiquettes (des catégories)</translation>
    </message>
    <message>
        <source>a label column but no columns of weights</source>
        <translation>une colonne d&apos;étiquettes mais aucune colonne de poids</translation>
    </message>
    <message>
        <source>{n:,} cells; at most {most:,}</source>
        <translation>{n:,} cellules ; au plus {most:,}</translation>
    </message>
    <message>
        <source>row label</source>
        <translation>étiquette de ligne</translation>
    </message>
    <message>
        <source>column label</source>
        <translation>étiquette de colonne</translation>
    </message>
    <message>
        <source>the target {t} is not a class index (0 to {last})</source>
        <translation>la cible {t} n&apos;est pas un indice de classe (de 0 à {last})</translation>
    </message>
    <message>
        <source>the target {cell} is ambiguous: class index {t} is {label}, but a class is labelled {quoted}</source>
        <translation>la cible {cell} est ambiguë : l&apos;indice de classe {t} est {label}, mais une classe a pour étiquette {quoted}</translation>
    </message>
    <message>
        <source>the target {cell} is not a class (the classes are {classes})</source>
        <translation>la cible {cell} n&apos;est pas une classe (les classes sont {classes})</translation>
    </message>
    <message>
        <source>the target {cell} is not a class index (a whole number from 0 to {last}; soft targets are not read)</source>
        <translation>la cible {cell} n&apos;est pas un indice de classe (un nombre entier de 0 à {last} ; les cibles souples ne sont pas lues)</translation>
    </message>
    <message>
        <source>the target {cell} is not a class index; to give targets by label, name the classes in a header row</source>
        <translation>la cible {cell} n&apos;est pas un indice de classe ; pour donner les cibles par étiquette, nommez les classes dans une ligne d&apos;en-tête</translation>
    </message>
    <message>
        <source>more than one column is named as the target</source>
        <translation>plus d&apos;une colonne est désignée comme cible</translation>
    </message>
    <message>
        <source>{width} cells in a row: a batch has at least two logit columns and a target column</source>
        <translation>{width} cellules sur une ligne : un lot a au moins deux colonnes de logits et une colonne cible</translation>
    </message>
    <message>
        <source>{n:,} rows; a batch has at most {most:,}</source>
        <translation>{n:,} lignes ; un lot en a au plus {most:,}</translation>
    </message>
    <message>
        <source>class label</source>
        <translation>étiquette de classe</translation>
    </message>
    <message>
        <source>P has {p:,} entries and Q has {q:,}: they must match (or give both labels to align them)</source>
        <translation>P a {p:,} entrées et Q en a {q:,} : leurs nombres doivent être égaux (ou donnez des étiquettes aux deux pour les aligner)</translation>
    </message>
    <message>
        <source>{name} has no weight on the categories of the pair</source>
        <translation>{name} n&apos;a aucun poids sur les catégories de la paire</translation>
    </message>
    <message>
        <source>{a} is numeric samples (a histogram) but {b} is {kind}: give both as samples@FILE</source>
        <translation>{a} contient des échantillons numériques (un histogramme) mais {b} contient des {kind} : donnez les deux en samples@FILE</translation>
    </message>
    <message>
        <source>numeric samples</source>
        <translation>échantillons numériques</translation>
    </message>
    <message>
        <source>categorical samples</source>
        <translation>échantillons catégoriels</translation>
    </message>
    <message>
        <source>{what} has a negative entry ({value} at position {k})</source>
        <translation>{what} a une entrée négative ({value} en position {k})</translation>
    </message>
    <message>
        <source>{what} is all zero: at least one weight must be positive</source>
        <translation>{what} : tous les poids sont nuls ; au moins un doit être positif</translation>
    </message>
    <message>
        <source>normal: sigma must be &gt; 0 (got {sigma})</source>
        <translation>normal : sigma doit être &gt; 0 (lu : {sigma})</translation>
    </message>
    <message>
        <source>mixture: weight must be in [0, 1] (got {weight})</source>
        <translation>mixture : le poids doit être dans [0, 1] (lu : {weight})</translation>
    </message>
    <message>
        <source>{name}: normal: mu must lie in [-1e300, 1e300] (got {mu})</source>
        <translation>{name} : normal : mu doit être dans [-1e300, 1e300] (lu : {mu})</translation>
    </message>
    <message>
        <source>{name}: normal: sigma must lie in [1e-300, 1e300] (got {sigma})</source>
        <translation>{name} : normal : sigma doit être dans [1e-300, 1e300] (lu : {sigma})</translation>
    </message>
    <message>
        <source>{name}: row {i} has {n} entries but row 1 has {first}</source>
        <translation>{name} : la ligne {i} a {n} entrées mais la ligne 1 en a {first}</translation>
    </message>
    <message>
        <source>{name} is empty: give at least one row and one column</source>
        <translation>{name} est vide : donnez au moins une ligne et une colonne</translation>
    </message>
    <message>
        <source>{name} has a NaN entry at row {i}, column {j}</source>
        <translation>{name} a une entrée NaN à la ligne {i}, colonne {j}</translation>
    </message>
    <message>
        <source>{name} has an infinite entry ({value}) at row {i}, column {j}</source>
        <translation>{name} a une entrée infinie ({value}) à la ligne {i}, colonne {j}</translation>
    </message>
    <message>
        <source>{name} has a negative entry ({value}) at row {i}, column {j}</source>
        <translation>{name} a une entrée négative ({value}) à la ligne {i}, colonne {j}</translation>
    </message>
    <message>
        <source>{name} is all zero: at least one weight must be positive</source>
        <translation>{name} : toutes les cases sont nulles ; au moins un poids doit être positif</translation>
    </message>
    <message>
        <source>a directory</source>
        <translation>un dossier</translation>
    </message>
    <message>
        <source>a FIFO (named pipe)</source>
        <translation>un FIFO (tube nommé)</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>une socket</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>un périphérique</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>pas un fichier ordinaire</translation>
    </message>
    <message>
        <source>cannot read {path}: {reason}</source>
        <translation>impossible de lire {path} : {reason}</translation>
    </message>
    <message>
        <source>the file name contains a NUL character</source>
        <translation>le nom de fichier contient un caractère NUL</translation>
    </message>
    <message>
        <source>it is {kind}, not a regular {what}</source>
        <translation>c&apos;est {kind}, pas un {what} ordinaire</translation>
    </message>
    <message>
        <source>it is {size:,} bytes; a {what} is at most {most:,}</source>
        <translation>il fait {size:,} octets ; un {what} en fait au plus {most:,}</translation>
    </message>
    <message>
        <source>it is not a regular {what}</source>
        <translation>ce n&apos;est pas un {what} ordinaire</translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation>Fichier ou dossier introuvable</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>Permission refusée</translation>
    </message>
    <message>
        <source>Is a directory</source>
        <translation>C&apos;est un dossier</translation>
    </message>
    <message>
        <source>Not a directory</source>
        <translation>Ce n&apos;est pas un dossier</translation>
    </message>
    <message>
        <source>File name too long</source>
        <translation>Nom de fichier trop long</translation>
    </message>
    <message>
        <source>No space left on device</source>
        <translation>Plus d&apos;espace disponible sur le périphérique</translation>
    </message>
    <message>
        <source>Read-only file system</source>
        <translation>Système de fichiers en lecture seule</translation>
    </message>
    <message>
        <source>Too many levels of symbolic links</source>
        <translation>Trop de niveaux de liens symboliques</translation>
    </message>
    <message>
        <source>Disk quota exceeded</source>
        <translation>Quota de disque dépassé</translation>
    </message>
    <message>
        <source>Input/output error</source>
        <translation>Erreur d&apos;entrée/sortie</translation>
    </message>
    <message>
        <source>Operation not permitted</source>
        <translation>Opération non permise</translation>
    </message>
    <message>
        <source>the file is read-only</source>
        <translation>le fichier est en lecture seule</translation>
    </message>
    <message>
        <source>the file name is empty</source>
        <translation>le nom de fichier est vide</translation>
    </message>
    <message>
        <source>it is a directory, not a regular file</source>
        <translation>c&apos;est un dossier, pas un fichier ordinaire</translation>
    </message>
    <message>
        <source>it is a FIFO (named pipe), not a regular file</source>
        <translation>c&apos;est un FIFO (tube nommé), pas un fichier ordinaire</translation>
    </message>
    <message>
        <source>it is a socket, not a regular file</source>
        <translation>c&apos;est une socket, pas un fichier ordinaire</translation>
    </message>
    <message>
        <source>it is a device, not a regular file</source>
        <translation>c&apos;est un périphérique, pas un fichier ordinaire</translation>
    </message>
    <message>
        <source>writing .mp4 needs the optional video extra (imageio-ffmpeg): {extra}</source>
        <translation>écrire un .mp4 demande l&apos;extra facultatif vidéo (imageio-ffmpeg) : {extra}</translation>
    </message>
    <message>
        <source>writing .mp4 needs ffmpeg, which imageio-ffmpeg cannot find ({reason}); reinstall the video extra: {extra}</source>
        <translation>écrire un .mp4 demande ffmpeg, qu&apos;imageio-ffmpeg ne trouve pas ({reason}) ; réinstallez l&apos;extra vidéo : {extra}</translation>
    </message>
    <message>
        <source>½ log 2π, a constant</source>
        <translation>½ log 2π, une constante</translation>
    </message>
    <message>
        <source>½ σ&lt;sub&gt;P&lt;/sub&gt;², P&apos;s spread</source>
        <translation>½ σ&lt;sub&gt;P&lt;/sub&gt;², la dispersion de P</translation>
    </message>
    <message>
        <source>½ (μ&lt;sub&gt;P&lt;/sub&gt; − μ&lt;sub&gt;Q&lt;/sub&gt;)², half the squared error</source>
        <translation>½ (μ&lt;sub&gt;P&lt;/sub&gt; − μ&lt;sub&gt;Q&lt;/sub&gt;)², la moitié de l&apos;erreur quadratique</translation>
    </message>
    <message>
        <source>{den} = 0 where {num} &gt; 0 ({count} category)</source>
        <translation>{den} = 0 là où {num} &gt; 0 ({count} catégorie)</translation>
    </message>
    <message>
        <source>{den} = 0 where {num} &gt; 0 ({count} categories)</source>
        <translation>{den} = 0 là où {num} &gt; 0 ({count} catégories)</translation>
    </message>
    <message>
        <source>{den}({names}) = 0 where {num}({names}) &gt; 0</source>
        <translation>{den}({names}) = 0 là où {num}({names}) &gt; 0</translation>
    </message>
    <message>
        <source>Import P</source>
        <translation>Importer P</translation>
    </message>
    <message>
        <source>Import Q</source>
        <translation>Importer Q</translation>
    </message>
    <message>
        <source>Import P and Q</source>
        <translation>Importer P et Q</translation>
    </message>
    <message>
        <source>Import the joint</source>
        <translation>Importer la loi jointe</translation>
    </message>
    <message>
        <source>Import the batch</source>
        <translation>Importer le lot</translation>
    </message>
    <message>
        <source>The import makes {n:,} categories, more than the {limit:,} the Discrete tab measures, so nothing was imported.</source>
        <translation>L&apos;import donnerait {n:,} catégories, plus que les {limit:,} que mesure l&apos;onglet Discret : rien n&apos;a donc été importé.</translation>
    </message>
    <message>
        <source>The file has {n} category; the Discrete tab needs at least {least}. Nothing was imported.</source>
        <translation>Le fichier a {n} catégorie ; l&apos;onglet Discret en demande au moins {least}. Rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>The file&apos;s labels cannot be the tab&apos;s: {why}. Nothing was imported.</source>
        <translation>Les étiquettes du fichier ne peuvent pas devenir celles de l&apos;onglet : {why}. Rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>{side} and {other} aligned by label over their union: {total:,} categories (the tab&apos;s {n:,}, then {new:,} new from the file)</source>
        <translation>{side} et {other} alignées par étiquette sur leur union : {total:,} catégories (les {n:,} de l&apos;onglet, puis {new:,} nouvelles venant du fichier)</translation>
    </message>
    <message>
        <source>{other} has weight 0 on the {new:,} new ones</source>
        <translation>{other} a un poids nul sur les {new:,} nouvelles</translation>
    </message>
    <message>
        <source>{side} has weight 0 on the {missing:,} labels the file lacks</source>
        <translation>{side} a un poids nul sur les {missing:,} étiquettes absentes du fichier</translation>
    </message>
    <message>
        <source>The pseudocount was added to the file&apos;s entries only; to add it to both sides over the union, import P and Q together.</source>
        <translation>Le pseudo-effectif n&apos;a été ajouté qu&apos;aux valeurs du fichier ; pour l&apos;ajouter aux deux côtés sur l&apos;union, importez P et Q ensemble.</translation>
    </message>
    <message>
        <source>under the file&apos;s labels</source>
        <translation>sous les étiquettes du fichier</translation>
    </message>
    <message>
        <source>under the tab&apos;s labels</source>
        <translation>sous les étiquettes de l&apos;onglet</translation>
    </message>
    <message>
        <source>{side} replaced entry by entry ({n:,} categories, {how}); {other} unchanged.</source>
        <translation>{side} remplacée valeur par valeur ({n:,} catégories, {how}) ; {other} inchangée.</translation>
    </message>
    <message>
        <source>the file has no labels to align by</source>
        <translation>le fichier n&apos;a pas d&apos;étiquettes selon lesquelles aligner</translation>
    </message>
    <message>
        <source>the tab&apos;s labels are the default ones, named by position</source>
        <translation>les étiquettes de l&apos;onglet sont celles par défaut, qui ne désignent qu&apos;une position</translation>
    </message>
    <message>
        <source>{other} has {n:,} categories and {side}&apos;s file {m:,} ({why}): the file replaces {side}, and {other} becomes uniform over its {m:,} categories.</source>
        <translation>{other} a {n:,} catégories et le fichier de {side} en a {m:,} ({why}) : le fichier remplace {side}, et {other} devient uniforme sur ses {m:,} catégories.</translation>
    </message>
    <message>
        <source>The joint has {rows:,} × {cols:,} outcomes; the Joint tab edits {least} to {most} rows and columns, so nothing was imported (the grid would not be editable at that size). The command line measures it: klviz compute --joint @FILE.</source>
        <translation>La loi jointe a {rows:,} × {cols:,} issues ; l&apos;onglet Loi jointe modifie de {least} à {most} lignes et colonnes, donc rien n&apos;a été importé (la grille ne serait pas modifiable à cette taille). La ligne de commande la mesure : klviz compute --joint @FILE.</translation>
    </message>
    <message>
        <source>The joint cannot be the tab&apos;s: {why}. Nothing was imported.</source>
        <translation>La loi jointe ne peut pas devenir celle de l&apos;onglet : {why}. Rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>The batch cannot be shown: {why}. Nothing was imported.</source>
        <translation>Le lot ne peut pas être affiché : {why}. Rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>{where} {key}</source>
        <translation>{where} {key}</translation>
    </message>
    <message>
        <source>a {digits:,}-character number</source>
        <translation>un nombre de {digits:,} caractères</translation>
    </message>
    <message>
        <source>the key {key} appears twice in one object</source>
        <translation>la clé {key} apparaît deux fois dans un même objet</translation>
    </message>
    <message>
        <source>a list of {n}</source>
        <translation>une liste de {n}</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>un objet</translation>
    </message>
    <message>
        <source>{where} is {value}, which is not a number a session may hold</source>
        <translation>{where} vaut {value}, qui n&apos;est pas un nombre qu&apos;une session puisse contenir</translation>
    </message>
    <message>
        <source>{where} is {value}, too large for a number klviz can use</source>
        <translation>{where} vaut {value}, trop grand pour un nombre que klviz puisse utiliser</translation>
    </message>
    <message>
        <source>{where} must be a number (got {value})</source>
        <translation>{where} doit être un nombre (lu : {value})</translation>
    </message>
    <message>
        <source>{where} is too large for a number klviz can use</source>
        <translation>{where} est trop grand pour un nombre que klviz puisse utiliser</translation>
    </message>
    <message>
        <source>{where} must lie in [{lo:g}, {hi:g}] (got {x:.6g})</source>
        <translation>{where} doit être dans [{lo:g}, {hi:g}] (lu : {x:.6g})</translation>
    </message>
    <message>
        <source>{where} must be true or false (got {value})</source>
        <translation>{where} doit valoir true ou false (lu : {value})</translation>
    </message>
    <message>
        <source>{where} must be an object (got {value})</source>
        <translation>{where} doit être un objet (lu : {value})</translation>
    </message>
    <message>
        <source>{where} must be a list of numbers (got {value})</source>
        <translation>{where} doit être une liste de nombres (lu : {value})</translation>
    </message>
    <message>
        <source>{where} needs {key}</source>
        <translation>{where} doit contenir {key}</translation>
    </message>
    <message>
        <source>{where} has {n:,} categories (at most {most:,})</source>
        <translation>{where} a {n:,} catégories (au plus {most:,})</translation>
    </message>
    <message>
        <source>{where}, entry {k}</source>
        <translation>{where}, entrée {k}</translation>
    </message>
    <message>
        <source>&apos;discrete&apos; must be an object</source>
        <translation>&apos;discrete&apos; doit être un objet</translation>
    </message>
    <message>
        <source>&apos;discrete&apos; needs both &apos;p&apos; and &apos;q&apos;</source>
        <translation>&apos;discrete&apos; doit contenir à la fois &apos;p&apos; et &apos;q&apos;</translation>
    </message>
    <message>
        <source>discrete P and Q have different lengths ({p} and {q})</source>
        <translation>discrete P et Q n&apos;ont pas la même longueur ({p} et {q})</translation>
    </message>
    <message>
        <source>discrete P and Q need at least {n} categories</source>
        <translation>discrete P et Q doivent avoir au moins {n} catégories</translation>
    </message>
    <message>
        <source>&apos;labels&apos; must be a list of strings</source>
        <translation>&apos;labels&apos; doit être une liste de chaînes</translation>
    </message>
    <message>
        <source>labels: {why}</source>
        <translation>labels : {why}</translation>
    </message>
    <message>
        <source>{where} must be an object with &apos;mu&apos; and &apos;sigma&apos;</source>
        <translation>{where} doit être un objet avec &apos;mu&apos; et &apos;sigma&apos;</translation>
    </message>
    <message>
        <source>{where}: {why}</source>
        <translation>{where} : {why}</translation>
    </message>
    <message>
        <source>{where} must be an object</source>
        <translation>{where} doit être un objet</translation>
    </message>
    <message>
        <source>{where}: a mixture needs exactly two components (got {value})</source>
        <translation>{where} : un mélange demande exactement deux composantes (lu : {value})</translation>
    </message>
    <message>
        <source>{where} component {k}</source>
        <translation>{where} composante {k}</translation>
    </message>
    <message>
        <source>{where}: unknown family {value} (expected &quot;normal&quot; or &quot;mixture&quot;)</source>
        <translation>{where} : famille {value} inconnue (attendu : &quot;normal&quot; ou &quot;mixture&quot;)</translation>
    </message>
    <message>
        <source>&apos;continuous&apos; must be an object with &apos;p&apos; and &apos;q&apos;</source>
        <translation>&apos;continuous&apos; doit être un objet avec &apos;p&apos; et &apos;q&apos;</translation>
    </message>
    <message>
        <source>continuous {side} second component</source>
        <translation>continuous {side}, seconde composante</translation>
    </message>
    <message>
        <source>{where} has {n:,} classes ({lo} to {hi})</source>
        <translation>{where} a {n:,} classes (de {lo} à {hi})</translation>
    </message>
    <message>
        <source>{where} logit {k}</source>
        <translation>{where} logit {k}</translation>
    </message>
    <message>
        <source>{where} target has {n} entries for {k} logits</source>
        <translation>{where} target a {n} entrées pour {k} logits</translation>
    </message>
    <message>
        <source>{where} mode must be &quot;{one_hot}&quot; or &quot;{soft}&quot; (got {value})</source>
        <translation>{where} mode doit valoir &quot;{one_hot}&quot; ou &quot;{soft}&quot; (lu : {value})</translation>
    </message>
    <message>
        <source>{where} target must be one-hot (a single 1) when its mode is &quot;{one_hot}&quot;</source>
        <translation>{where} target doit être one-hot (un seul 1) quand son mode est &quot;{one_hot}&quot;</translation>
    </message>
    <message>
        <source>{where} has {n:,} points ({lo} to {hi})</source>
        <translation>{where} a {n:,} points (de {lo} à {hi})</translation>
    </message>
    <message>
        <source>{where} xs and ys have different lengths ({nx} and {ny})</source>
        <translation>{where} xs et ys n&apos;ont pas la même longueur ({nx} et {ny})</translation>
    </message>
    <message>
        <source>{where} x {k}</source>
        <translation>{where} x {k}</translation>
    </message>
    <message>
        <source>{where} y {k}</source>
        <translation>{where} y {k}</translation>
    </message>
    <message>
        <source>view unit_variance is true, but continuous Q is not a Normal with sigma 1</source>
        <translation>view unit_variance vaut true, mais continuous Q n&apos;est pas une loi normale de sigma 1</translation>
    </message>
    <message>
        <source>lesson step {value} is unknown (one of {steps})</source>
        <translation>l&apos;étape de leçon {value} est inconnue (une parmi {steps})</translation>
    </message>
    <message>
        <source>the joint&apos;s row {i}, column {j}</source>
        <translation>la ligne {i}, colonne {j} de la loi jointe</translation>
    </message>
    <message>
        <source>the joint&apos;s {why}</source>
        <translation>loi jointe : {why}</translation>
    </message>
    <message>
        <source>batch logits must be a list of rows (got {value})</source>
        <translation>batch logits doit être une liste de lignes (lu : {value})</translation>
    </message>
    <message>
        <source>batch logits has {n:,} rows (1 to {most:,})</source>
        <translation>batch logits a {n:,} lignes (de 1 à {most:,})</translation>
    </message>
    <message>
        <source>batch logits row 1 must be a list of 2 to {most:,} numbers for {n:,} rows (got {value})</source>
        <translation>batch logits, ligne 1 doit être une liste de 2 à {most:,} nombres pour {n:,} lignes (lu : {value})</translation>
    </message>
    <message>
        <source>batch logits row {i} must be a list of {k} numbers, as row 1 (got {value})</source>
        <translation>batch logits, ligne {i} doit être une liste de {k} nombres, comme la ligne 1 (lu : {value})</translation>
    </message>
    <message>
        <source>batch logits row {i}, entry {j}</source>
        <translation>batch logits, ligne {i}, entrée {j}</translation>
    </message>
    <message>
        <source>batch targets must be a list of {n:,} class indices, one per row (got {value})</source>
        <translation>batch targets doit être une liste de {n:,} indices de classe, un par ligne (lu : {value})</translation>
    </message>
    <message>
        <source>batch target {i} must be a class index from 0 to {last} (got {value})</source>
        <translation>batch targets, entrée {i} doit être un indice de classe de 0 à {last} (lu : {value})</translation>
    </message>
    <message>
        <source>batch class_labels must be a list of {k} labels (got {value})</source>
        <translation>batch class_labels doit être une liste de {k} étiquettes (lu : {value})</translation>
    </message>
    <message>
        <source>batch class label {j} {why}</source>
        <translation>l&apos;étiquette de classe {j} du lot {why}</translation>
    </message>
    <message>
        <source>batch class_labels must be distinct</source>
        <translation>les étiquettes de batch class_labels doivent être distinctes</translation>
    </message>
    <message>
        <source>batch: {why}</source>
        <translation>batch : {why}</translation>
    </message>
    <message>
        <source>unknown unit {value} (expected one of {units})</source>
        <translation>unité {value} inconnue (attendu : l&apos;une de {units})</translation>
    </message>
    <message>
        <source>versions {lo} to {hi}</source>
        <translation>les versions {lo} à {hi}</translation>
    </message>
    <message>
        <source>not a klviz session: the file must hold a JSON object</source>
        <translation>pas une session klviz : le fichier doit contenir un objet JSON</translation>
    </message>
    <message>
        <source>not a klviz session: it has no &quot;format&quot;: &quot;{format}&quot; entry</source>
        <translation>pas une session klviz : il n&apos;a pas d&apos;entrée &quot;format&quot;: &quot;{format}&quot;</translation>
    </message>
    <message>
        <source>not a klviz session (its format is {value}, not &quot;{format}&quot;)</source>
        <translation>pas une session klviz (son format est {value}, et non &quot;{format}&quot;)</translation>
    </message>
    <message>
        <source>the session has no format version (&quot;version&quot;: {version})</source>
        <translation>la session n&apos;a pas de version de format (&quot;version&quot;: {version})</translation>
    </message>
    <message>
        <source>the session&apos;s format version must be a whole number (got {value})</source>
        <translation>la version de format de la session doit être un nombre entier (lu : {value})</translation>
    </message>
    <message>
        <source>this session was written by a newer klviz (format version {value}); this klviz reads {reads}</source>
        <translation>cette session a été écrite par un klviz plus récent (version de format {value}) ; ce klviz lit {reads}</translation>
    </message>
    <message>
        <source>unknown session format version {value} (this klviz reads {reads})</source>
        <translation>version de format de session {value} inconnue (ce klviz lit {reads})</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>le fichier est vide</translation>
    </message>
    <message>
        <source>the file is nested too deeply to be a klviz session</source>
        <translation>le fichier est trop profondément imbriqué pour être une session klviz</translation>
    </message>
    <message>
        <source>the file is not valid JSON ({why} at line {line})</source>
        <translation>le fichier n&apos;est pas du JSON valide ({why} à la ligne {line})</translation>
    </message>
    <message>
        <source>the file is not valid JSON ({why})</source>
        <translation>le fichier n&apos;est pas du JSON valide ({why})</translation>
    </message>
    <message>
        <source>session file</source>
        <translation>fichier de session</translation>
    </message>
    <message>
        <source>cannot read the file: {why}</source>
        <translation>impossible de lire le fichier : {why}</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text (not a klviz session)</source>
        <translation>le fichier n&apos;est pas du texte UTF-8 (pas une session klviz)</translation>
    </message>
    <message>
        <source>the session would take {size:,} bytes, more than the {most:,} a session file may hold (most of it is {part}); nothing was saved</source>
        <translation>la session occuperait {size:,} octets, plus que les {most:,} qu&apos;un fichier de session peut contenir (l&apos;essentiel en est {part}) ; rien n&apos;a été enregistré</translation>
    </message>
    <message>
        <source>a session file could not hold it ({why}); nothing was saved</source>
        <translation>un fichier de session ne pourrait pas la contenir ({why}) ; rien n&apos;a été enregistré</translation>
    </message>
    <message>
        <source>the Discrete tab&apos;s categories</source>
        <translation>les catégories de l&apos;onglet Discret</translation>
    </message>
    <message>
        <source>the loss lab&apos;s imported batch</source>
        <translation>le lot importé du labo des pertes</translation>
    </message>
    <message>
        <source>the Joint tab</source>
        <translation>l&apos;onglet Loi jointe</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>doit être du texte</translation>
    </message>
    <message>
        <source>must be non-empty NFC text without surrounding space</source>
        <translation>doit être un texte NFC non vide, sans espace autour</translation>
    </message>
    <message>
        <source>is longer than {most} characters ({n})</source>
        <translation>dépasse {most} caractères ({n})</translation>
    </message>
    <message>
        <source>holds the character U+{code:04X}; a label is one line of plain text</source>
        <translation>contient le caractère U+{code:04X} ; une étiquette est une ligne de texte brut</translation>
    </message>
    <message>
        <source>expected {n} labels, got {got}</source>
        <translation>{n} étiquettes attendues, {got} lues</translation>
    </message>
    <message>
        <source>label {k} is empty</source>
        <translation>l&apos;étiquette {k} est vide</translation>
    </message>
    <message>
        <source>label {k} is longer than {most} characters ({n})</source>
        <translation>l&apos;étiquette {k} dépasse {most} caractères ({n})</translation>
    </message>
    <message>
        <source>label {k} contains the control character U+{code:04X}; a label is one line of plain text</source>
        <translation>l&apos;étiquette {k} contient le caractère de contrôle U+{code:04X} ; une étiquette est une ligne de texte brut</translation>
    </message>
    <message>
        <source>labels must be distinct</source>
        <translation>les étiquettes doivent être distinctes</translation>
    </message>
    <message>
        <source>the joint</source>
        <translation>la loi jointe</translation>
    </message>
    <message>
        <source>row labels: {why}</source>
        <translation>étiquettes de ligne : {why}</translation>
    </message>
    <message>
        <source>column labels: {why}</source>
        <translation>étiquettes de colonne : {why}</translation>
    </message>
    <message>
        <source>the joint must have {lo} to {hi} rows (got {n})</source>
        <translation>la loi jointe doit avoir de {lo} à {hi} lignes (lu : {n})</translation>
    </message>
    <message>
        <source>the joint must have {lo} to {hi} columns (got {n})</source>
        <translation>la loi jointe doit avoir de {lo} à {hi} colonnes (lu : {n})</translation>
    </message>
    <message>
        <source>the joint must be an object with rows, row_labels and col_labels</source>
        <translation>la loi jointe doit être un objet avec rows, row_labels et col_labels</translation>
    </message>
    <message>
        <source>the joint has an unknown key {key}</source>
        <translation>la loi jointe a une clé inconnue {key}</translation>
    </message>
    <message>
        <source>the joint&apos;s rows must be a list of rows, each a list of numbers</source>
        <translation>les rows de la loi jointe doivent être une liste de lignes, chacune une liste de nombres</translation>
    </message>
    <message>
        <source>the joint may have at most {n} × {n} cells</source>
        <translation>la loi jointe a au plus {n} × {n} cellules</translation>
    </message>
    <message>
        <source>the joint&apos;s row {i}, column {j} is not a number</source>
        <translation>la ligne {i}, colonne {j} de la loi jointe n&apos;est pas un nombre</translation>
    </message>
    <message>
        <source>the joint&apos;s {key} must be a list of strings</source>
        <translation>les {key} de la loi jointe doivent être une liste de chaînes</translation>
    </message>
</context>
<context>
    <name>lesson_dock</name>
    <message>
        <source>samples drawn from P</source>
        <translation>échantillons tirés de P</translation>
    </message>
    <message>
        <source>running mean of log p/q</source>
        <translation>moyenne courante de log p/q</translation>
    </message>
    <message>
        <source>Draw &amp;100</source>
        <translation>Tirer &amp;100</translation>
    </message>
    <message>
        <source>Draw 1&amp;000</source>
        <translation>Tirer 1&amp;000</translation>
    </message>
    <message>
        <source>D(P‖Q) = {0} {unit}. Draw some samples.</source>
        <translation>D(P‖Q) = {0} {unit}. Tirez quelques échantillons.</translation>
    </message>
    <message>
        <source>after {0:,} samples: mean log p/q = {1} {unit}; D(P‖Q) = {2} {unit}</source>
        <translation>après {0:,} échantillons : moyenne de log p/q = {1} {unit} ; D(P‖Q) = {2} {unit}</translation>
    </message>
    <message>
        <source>Step {0} of {1}</source>
        <translation>Étape {0} sur {1}</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Leçon</translation>
    </message>
    <message>
        <source>◀ &amp;Back</source>
        <translation>◀ P&amp;récédent</translation>
    </message>
    <message>
        <source>&amp;Next ▶</source>
        <translation>Sui&amp;vant ▶</translation>
    </message>
    <message>
        <source>Cle&amp;ar</source>
        <translation>&amp;Effacer</translation>
    </message>
    <message>
        <source>Set up this step&apos;s scene again</source>
        <translation>Rétablir la scène de cette étape</translation>
    </message>
    <message>
        <source>Animate the forward fit</source>
        <translation>Animer l&apos;ajustement direct</translation>
    </message>
    <message>
        <source>Set up this step&apos;s P and Q, then fit Q by minimising D(P‖Q) (mean-covering)</source>
        <translation>Remettre en place P et Q de cette étape, puis ajuster Q en minimisant D(P‖Q) (couvre la moyenne)</translation>
    </message>
    <message>
        <source>Animate the reverse fit</source>
        <translation>Animer l&apos;ajustement inverse</translation>
    </message>
    <message>
        <source>Set up this step&apos;s P and Q, then fit Q by minimising D(Q‖P) (mode-seeking)</source>
        <translation>Remettre en place P et Q de cette étape, puis ajuster Q en minimisant D(Q‖P) (cherche un mode)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Try this:&lt;/b&gt; </source>
        <translation>&lt;b&gt;À essayer :&lt;/b&gt; </translation>
    </message>
    <message>
        <source>The {view} view is not available in this window, so this step cannot be tried here; read it, then go on.</source>
        <translation>La vue {view} n&apos;est pas disponible dans cette fenêtre, cette étape ne peut donc pas y être essayée ; lisez-la, puis continuez.</translation>
    </message>
    <message>
        <source>The α-fit slider is not available in this window.</source>
        <translation>Le curseur de l&apos;ajustement α n&apos;est pas disponible dans cette fenêtre.</translation>
    </message>
    <message>
        <source>Lesson: {title}</source>
        <translation>Leçon : {title}</translation>
    </message>
</context>
<context>
    <name>main_window</name>
    <message>
        <source>&amp;Discrete</source>
        <translation>&amp;Discret</translation>
    </message>
    <message>
        <source>&amp;Continuous</source>
        <translation>&amp;Continu</translation>
    </message>
    <message>
        <source>Codin&amp;g</source>
        <translation>Coda&amp;ge</translation>
    </message>
    <message>
        <source>&amp;Losses</source>
        <translation>Perte&amp;s</translation>
    </message>
    <message>
        <source>&amp;Joint</source>
        <translation>Loi &amp;jointe</translation>
    </message>
    <message>
        <source>Drag a bar, or click a chart and use the arrow keys.</source>
        <translation>Faites glisser une barre, ou cliquez sur un graphique et utilisez les flèches.</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Sans titre</translation>
    </message>
    <message>
        <source>{0}[*] — klviz</source>
        <translation>{0}[*] — klviz</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>Enregistrement impossible</translation>
    </message>
    <message>
        <source>Could not save {0}: {1}</source>
        <translation>Impossible d&apos;enregistrer {0} : {1}</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>{path} enregistré</translation>
    </message>
    <message>
        <source>Could not open session</source>
        <translation>Impossible d&apos;ouvrir la session</translation>
    </message>
    <message>
        <source>Could not open {0}: {exc}</source>
        <translation>Impossible d&apos;ouvrir {0} : {exc}</translation>
    </message>
    <message>
        <source>Opened {path}</source>
        <translation>{path} ouvert</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>&amp;Clear list</source>
        <translation>&amp;Vider la liste</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>This session has changes that are not saved. Save them before closing?</source>
        <translation>Cette session a des modifications non enregistrées. Les enregistrer avant de fermer ?</translation>
    </message>
    <message>
        <source>This session has changes that are not saved. Save them before starting a new session?</source>
        <translation>Cette session a des modifications non enregistrées. Les enregistrer avant de commencer une nouvelle session ?</translation>
    </message>
    <message>
        <source>Open session</source>
        <translation>Ouvrir une session</translation>
    </message>
    <message>
        <source>klviz sessions (*.klviz *.json);;All files (*)</source>
        <translation>sessions klviz (*.klviz *.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Save session</source>
        <translation>Enregistrer la session</translation>
    </message>
    <message>
        <source>klviz sessions (*.klviz *.json)</source>
        <translation>sessions klviz (*.klviz *.json)</translation>
    </message>
    <message>
        <source>About klviz</source>
        <translation>À propos de klviz</translation>
    </message>
    <message>
        <source>&lt;b&gt;klviz&lt;/b&gt;&lt;br&gt;See and touch entropy, cross-entropy and Kullback-Leibler divergence.</source>
        <translation>&lt;b&gt;klviz&lt;/b&gt;&lt;br&gt;Voir et toucher l&apos;entropie, l&apos;entropie croisée et la divergence de Kullback-Leibler.</translation>
    </message>
</context>
<context>
    <name>models.session_model</name>
    <message>
        <source>Set {0}({1})</source>
        <translation>Fixer {0}({1})</translation>
    </message>
    <message>
        <source>Support mismatch</source>
        <translation>Support incompatible</translation>
    </message>
    <message>
        <source>Swap P and Q</source>
        <translation>Échanger P et Q</translation>
    </message>
    <message>
        <source>Copy P to Q</source>
        <translation>Copier P dans Q</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Réinitialiser</translation>
    </message>
    <message>
        <source>{n} categories</source>
        <translation>{n} catégories</translation>
    </message>
    <message>
        <source>Rename categories</source>
        <translation>Renommer les catégories</translation>
    </message>
    <message>
        <source>Overlay P and Q</source>
        <translation>Superposer P et Q</translation>
    </message>
    <message>
        <source>P and Q apart</source>
        <translation>P et Q séparées</translation>
    </message>
    <message>
        <source>Change the joint</source>
        <translation>Modifier la loi jointe</translation>
    </message>
    <message>
        <source>Unit: {unit}</source>
        <translation>Unité : {unit}</translation>
    </message>
    <message>
        <source>Change continuous</source>
        <translation>Modifier le continu</translation>
    </message>
    <message>
        <source>{name}: mixture</source>
        <translation>{name} : mélange</translation>
    </message>
    <message>
        <source>{name}: single normal</source>
        <translation>{name} : loi normale simple</translation>
    </message>
    <message>
        <source>Unit variance Q</source>
        <translation>Q de variance unité</translation>
    </message>
    <message>
        <source>Free σ of Q</source>
        <translation>σ de Q libre</translation>
    </message>
</context>
<context>
    <name>pages.alpha_fit</name>
    <message>
        <source>Amari&apos;s α, from −2 to 3: moving it re-fits Q live (from the current Q).</source>
        <translation>Le α d&apos;Amari, de −2 à 3 : le déplacer réajuste Q en direct (depuis le Q actuel).</translation>
    </message>
    <message>
        <source>α of the α-fit (slider)</source>
        <translation>α de l&apos;ajustement α (curseur)</translation>
    </message>
    <message>
        <source>Fit α: minimise D⁽ᵅ⁾(P‖Q)</source>
        <translation>Ajustement α : minimiser D⁽ᵅ⁾(P‖Q)</translation>
    </message>
    <message>
        <source>Move Q to the Gaussian closest to P in Amari&apos;s α-divergence D⁽ᵅ⁾(P‖Q), from the current Q.
α → 0 is the reverse KL (mode-seeking), α → 1 the forward KL (mass-covering).</source>
        <translation>Amener Q à la gaussienne la plus proche de P pour l&apos;α-divergence d&apos;Amari D⁽ᵅ⁾(P‖Q), depuis le Q actuel.
α → 0 donne la KL inverse (recherche de mode), α → 1 la KL directe (couverture de masse).</translation>
    </message>
    <message>
        <source>Amari&apos;s α-divergence:  D⁽ᵅ⁾(P‖Q) = 1/(α(1 − α)) ∫ [α p + (1 − α) q − p^α q^(1−α)] dx
α → 0: D(Q‖P); α = ½: 4·He²; α → 1: D(P‖Q); α = 2: ½ χ²(P‖Q)</source>
        <translation>α-divergence d&apos;Amari :  D⁽ᵅ⁾(P‖Q) = 1/(α(1 − α)) ∫ [α p + (1 − α) q − p^α q^(1−α)] dx
α → 0 : D(Q‖P) ; α = ½ : 4·He² ; α → 1 : D(P‖Q) ; α = 2 : ½ χ²(P‖Q)</translation>
    </message>
    <message>
        <source>rev. KL</source>
        <translation>KL inv.</translation>
    </message>
    <message>
        <source>Hell.</source>
        <translation>Hell.</translation>
    </message>
    <message>
        <source>fwd KL</source>
        <translation>KL dir.</translation>
    </message>
    <message>
        <source>← mode-seeking (α → 0: reverse KL)</source>
        <translation>← recherche de mode (α → 0 : KL inverse)</translation>
    </message>
    <message>
        <source>mass-covering (α → 1: forward KL) →</source>
        <translation>couverture de masse (α → 1 : KL directe) →</translation>
    </message>
    <message>
        <source>Fitted μ (solid) and σ (dashed) against α, for this P</source>
        <translation>μ ajusté (trait plein) et σ ajusté (tirets) en fonction de α, pour cette P</translation>
    </message>
    <message>
        <source>the α-fit curve</source>
        <translation>la courbe de l’ajustement α</translation>
    </message>
</context>
<context>
    <name>pages.coding</name>
    <message>
        <source>Column heights:</source>
        <translation>Hauteur des colonnes :</translation>
    </message>
    <message>
        <source>{name} — area {area}</source>
        <translation>{name} : aire {area}</translation>
    </message>
    <message>
        <source>code length (bits)</source>
        <translation>longueur de code (bits)</translation>
    </message>
    <message>
        <source>cumulative probability of P (column widths pᵢ)</source>
        <translation>probabilité cumulée de P (largeurs des colonnes pᵢ)</translation>
    </message>
    <message>
        <source>Q&apos;s Huffman code</source>
        <translation>Code de Huffman de Q</translation>
    </message>
    <message>
        <source>category</source>
        <translation>catégorie</translation>
    </message>
    <message>
        <source>bits</source>
        <translation>bits</translation>
    </message>
    <message>
        <source>code word</source>
        <translation>mot de code</translation>
    </message>
    <message>
        <source>Send a message</source>
        <translation>Envoyer un message</translation>
    </message>
    <message>
        <source>Symbols drawn from P:</source>
        <translation>Symboles tirés de P :</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Draw N symbols from P and code them with Q&apos;s Huffman code</source>
        <translation>Tirer N symboles de P et les coder avec le code de Huffman de Q</translation>
    </message>
    <message>
        <source>Draw N symbols from P, code them with Q&apos;s Huffman code, and compare the length with N·H(P,Q) and N·H(P).</source>
        <translation>Tirer N symboles de P, les coder avec le code de Huffman de Q, et comparer la longueur à N·H(P,Q) et N·H(P).</translation>
    </message>
    <message>
        <source>{value} bits</source>
        <translation>{value} bits</translation>
    </message>
    <message>
        <source>Columns: {name}; their area is {area} = {value}. Shaded: the extra length, D(P‖Q) = {kl}.</source>
        <translation>Colonnes : {name} ; leur aire est {area} = {value}. En grisé : la longueur en trop, D(P‖Q) = {kl}.</translation>
    </message>
</context>
<context>
    <name>pages.continuous</name>
    <message>
        <source>weight w of {name}&apos;s first component</source>
        <translation>poids w de la première composante de {name}</translation>
    </message>
    <message>
        <source>mean μ₂ of {name}&apos;s second component</source>
        <translation>moyenne μ₂ de la seconde composante de {name}</translation>
    </message>
    <message>
        <source>std dev σ₂ of {name}&apos;s second component</source>
        <translation>écart-type σ₂ de la seconde composante de {name}</translation>
    </message>
    <message>
        <source>P &amp;nbsp;&lt;span style=&apos;font-weight:400&apos;&gt;(the blue curve)&lt;/span&gt;</source>
        <translation>P &amp;nbsp;&lt;span style=&apos;font-weight:400&apos;&gt;(la courbe bleue)&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Q &amp;nbsp;&lt;span style=&apos;font-weight:400&apos;&gt;(the orange curve)&lt;/span&gt;</source>
        <translation>Q &amp;nbsp;&lt;span style=&apos;font-weight:400&apos;&gt;(la courbe orange)&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Two-component mi&amp;xture</source>
        <translation>Mélange à deu&amp;x composantes</translation>
    </message>
    <message>
        <source>S&amp;td dev σ₂</source>
        <translation>Écart-t&amp;ype σ₂</translation>
    </message>
    <message>
        <source>Mean μ₂</source>
        <translation>Moyenne μ₂</translation>
    </message>
    <message>
        <source>Std dev σ₂</source>
        <translation>Écart-type σ₂</translation>
    </message>
    <message>
        <source>
a fit starts from Q&apos;s moment-matched Normal and makes Q a Normal.</source>
        <translation>
un ajustement part de la loi normale de Q aux mêmes moments et fait de Q une loi normale.</translation>
    </message>
    <message>
        <source>{name} = w·N(μ₁, σ₁²) + (1 − w)·N(μ₂, σ₂²): a bimodal {name}.
Its measures have no closed form and are computed by quadrature.</source>
        <translation>{name} = w·N(μ₁, σ₁²) + (1 − w)·N(μ₂, σ₂²) : une {name} bimodale.
Ses mesures n&apos;ont pas de forme close et sont calculées par quadrature.</translation>
    </message>
    <message>
        <source>&amp;Weight w of μ₁, σ₁</source>
        <translation>Poids &amp;w de μ₁, σ₁</translation>
    </message>
    <message>
        <source>Weight w of μ₁, σ₁</source>
        <translation>Poids w de μ₁, σ₁</translation>
    </message>
    <message>
        <source>Two-component mixture (bimodal Q)</source>
        <translation>Mélange à deux composantes (Q bimodale)</translation>
    </message>
    <message>
        <source>Unit var&amp;iance (Q&apos;s σ = 1): the MSE link</source>
        <translation>Variance unité (σ de Q = 1) : &amp;le lien avec la MSE</translation>
    </message>
    <message>
        <source>Fix Q&apos;s σ at 1. Then H(P,Q) = ½ log 2π + ½ (P&apos;s variance + (P&apos;s mean − Q&apos;s mean)²):
a constant plus half the squared error — the MSE loss is a cross-entropy.</source>
        <translation>On fixe le σ de Q à 1. Alors H(P,Q) = ½ log 2π + ½ (variance de P + (moyenne de P − moyenne de Q)²) :
une constante plus la moitié de l&apos;erreur quadratique — la perte MSE est une entropie croisée.</translation>
    </message>
    <message>
        <source>Fit Q to P</source>
        <translation>Ajuster Q à P</translation>
    </message>
    <message>
        <source>F&amp;orward: minimise D(P‖Q)</source>
        <translation>Dir&amp;ect : minimiser D(P‖Q)</translation>
    </message>
    <message>
        <source>Move Q to the Gaussian closest to P in D(P‖Q): P&apos;s mean and variance
(moment matching — mean-covering: Q spreads over all of P).</source>
        <translation>Amener Q à la gaussienne la plus proche de P pour D(P‖Q) : la moyenne et la variance de P
(égalisation des moments ; couvre la moyenne : Q s&apos;étale sur toute P).</translation>
    </message>
    <message>
        <source>&amp;Reverse: minimise D(Q‖P)</source>
        <translation>&amp;Inverse : minimiser D(Q‖P)</translation>
    </message>
    <message>
        <source>Move Q to the Gaussian closest to P in D(Q‖P), starting from the current Q
(mode-seeking: Q settles on the peak of P nearest it).</source>
        <translation>Amener Q à la gaussienne la plus proche de P pour D(Q‖P), en partant du Q actuel
(recherche de mode : Q se pose sur le pic de P le plus proche).</translation>
    </message>
    <message>
        <source>Q&apos;s path is drawn dashed on the densities.</source>
        <translation>Le chemin de Q est tracé en tirets sur les densités.</translation>
    </message>
    <message>
        <source>the α-fit</source>
        <translation>l&apos;ajustement α</translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation>&amp;Préréglages</translation>
    </message>
    <message>
        <source>Set P and Q to a named scene</source>
        <translation>Donner à P et Q une scène nommée</translation>
    </message>
    <message>
        <source>Controls of P and Q (scrollable panel)</source>
        <translation>Réglages de P et Q (panneau défilant)</translation>
    </message>
    <message>
        <source>Which is larger, D(P‖Q) or D(Q‖P)?&lt;br&gt;Is h(Q) negative? Where will a fit put Q?&lt;br&gt;&lt;small&gt;(the integrands are hidden)&lt;/small&gt;</source>
        <translation>Laquelle est la plus grande, D(P‖Q) ou D(Q‖P) ?&lt;br&gt;h(Q) est-elle négative ? Où un ajustement placera-t-il Q ?&lt;br&gt;&lt;small&gt;(les intégrandes sont masquées)&lt;/small&gt;</translation>
    </message>
    <message>
        <source>the KL integrands chart</source>
        <translation>le graphique des intégrandes KL</translation>
    </message>
    <message>
        <source>Differential measures</source>
        <translation>Mesures différentielles</translation>
    </message>
    <message>
        <source>Cross-entropy = entropy + KL divergence, for densities too</source>
        <translation>Entropie croisée = entropie + divergence de KL, pour les densités aussi</translation>
    </message>
    <message>
        <source>Continuous P and Q: h and H are &lt;i&gt;differential&lt;/i&gt; and can be negative; D stays ≥ 0.</source>
        <translation>P et Q continues : h et H sont &lt;i&gt;différentielles&lt;/i&gt; et peuvent être négatives ; D reste ≥ 0.</translation>
    </message>
    <message>
        <source>The MSE link  (Q&apos;s σ = 1)</source>
        <translation>Le lien avec la MSE  (σ de Q = 1)</translation>
    </message>
    <message>
        <source>H(P,Q) with σ&lt;sub&gt;Q&lt;/sub&gt; = 1: ½ log 2π + ½ (σ&lt;sub&gt;P&lt;/sub&gt;² + (μ&lt;sub&gt;P&lt;/sub&gt; − μ&lt;sub&gt;Q&lt;/sub&gt;)²)</source>
        <translation>H(P,Q) avec σ&lt;sub&gt;Q&lt;/sub&gt; = 1 : ½ log 2π + ½ (σ&lt;sub&gt;P&lt;/sub&gt;² + (μ&lt;sub&gt;P&lt;/sub&gt; − μ&lt;sub&gt;Q&lt;/sub&gt;)²)</translation>
    </message>
    <message>
        <source>grey: ½ log 2π, a constant; blue: ½ σ&lt;sub&gt;P&lt;/sub&gt;², P&apos;s spread; purple: ½ (μ&lt;sub&gt;P&lt;/sub&gt; − μ&lt;sub&gt;Q&lt;/sub&gt;)², half the squared error</source>
        <translation>gris : ½ log 2π, une constante ; bleu : ½ σ&lt;sub&gt;P&lt;/sub&gt;², la dispersion de P ; violet : ½ (μ&lt;sub&gt;P&lt;/sub&gt; − μ&lt;sub&gt;Q&lt;/sub&gt;)², la moitié de l&apos;erreur quadratique</translation>
    </message>
    <message>
        <source>H(P,Q) = ½&amp;nbsp;log&amp;nbsp;2π + ½&amp;nbsp;σ&lt;sub&gt;P&lt;/sub&gt;² + &lt;span style=&apos;color:%s&apos;&gt;&lt;b&gt;½&amp;nbsp;(μ&lt;sub&gt;P&lt;/sub&gt;&amp;nbsp;−&amp;nbsp;μ&lt;sub&gt;Q&lt;/sub&gt;)²&lt;/b&gt;&lt;/span&gt;&lt;br&gt;= %s + %s + &lt;span style=&apos;color:%s&apos;&gt;&lt;b&gt;%s&lt;/b&gt;&lt;/span&gt; %s&lt;br&gt;&lt;small&gt;μ&lt;sub&gt;P&lt;/sub&gt; = %s, σ&lt;sub&gt;P&lt;/sub&gt;² = %s: %s; the last term is half the squared error.&lt;/small&gt;</source>
        <translation>H(P,Q) = ½&amp;nbsp;log&amp;nbsp;2π + ½&amp;nbsp;σ&lt;sub&gt;P&lt;/sub&gt;² + &lt;span style=&apos;color:%s&apos;&gt;&lt;b&gt;½&amp;nbsp;(μ&lt;sub&gt;P&lt;/sub&gt;&amp;nbsp;−&amp;nbsp;μ&lt;sub&gt;Q&lt;/sub&gt;)²&lt;/b&gt;&lt;/span&gt;&lt;br&gt;= %s + %s + &lt;span style=&apos;color:%s&apos;&gt;&lt;b&gt;%s&lt;/b&gt;&lt;/span&gt; %s&lt;br&gt;&lt;small&gt;μ&lt;sub&gt;P&lt;/sub&gt; = %s, σ&lt;sub&gt;P&lt;/sub&gt;² = %s : %s ; le dernier terme est la moitié de l&apos;erreur quadratique.&lt;/small&gt;</translation>
    </message>
    <message>
        <source>H(P,Q) = (½&amp;nbsp;ln&amp;nbsp;2π + ½&amp;nbsp;σ&lt;sub&gt;P&lt;/sub&gt;² + &lt;span style=&apos;color:%s&apos;&gt;&lt;b&gt;½&amp;nbsp;(μ&lt;sub&gt;P&lt;/sub&gt;&amp;nbsp;−&amp;nbsp;μ&lt;sub&gt;Q&lt;/sub&gt;)²&lt;/b&gt;&lt;/span&gt;) / ln&amp;nbsp;%s&lt;br&gt;= %s + %s + &lt;span style=&apos;color:%s&apos;&gt;&lt;b&gt;%s&lt;/b&gt;&lt;/span&gt; %s&lt;br&gt;&lt;small&gt;μ&lt;sub&gt;P&lt;/sub&gt; = %s, σ&lt;sub&gt;P&lt;/sub&gt;² = %s: %s; the last term is half the squared error.&lt;/small&gt;</source>
        <translation>H(P,Q) = (½&amp;nbsp;ln&amp;nbsp;2π + ½&amp;nbsp;σ&lt;sub&gt;P&lt;/sub&gt;² + &lt;span style=&apos;color:%s&apos;&gt;&lt;b&gt;½&amp;nbsp;(μ&lt;sub&gt;P&lt;/sub&gt;&amp;nbsp;−&amp;nbsp;μ&lt;sub&gt;Q&lt;/sub&gt;)²&lt;/b&gt;&lt;/span&gt;) / ln&amp;nbsp;%s&lt;br&gt;= %s + %s + &lt;span style=&apos;color:%s&apos;&gt;&lt;b&gt;%s&lt;/b&gt;&lt;/span&gt; %s&lt;br&gt;&lt;small&gt;μ&lt;sub&gt;P&lt;/sub&gt; = %s, σ&lt;sub&gt;P&lt;/sub&gt;² = %s : %s ; le dernier terme est la moitié de l&apos;erreur quadratique.&lt;/small&gt;</translation>
    </message>
    <message>
        <source>error: P&apos;s mean − Q&apos;s mean = {0}</source>
        <translation>erreur : moyenne de P − moyenne de Q = {0}</translation>
    </message>
    <message>
        <source>Measures (scrollable panel)</source>
        <translation>Mesures (panneau défilant)</translation>
    </message>
    <message>
        <source>α-fit: minimise Amari&apos;s D⁽ᵅ⁾(P‖Q)</source>
        <translation>Ajustement α : minimiser la D⁽ᵅ⁾(P‖Q) d&apos;Amari</translation>
    </message>
    <message>
        <source>No α-fit: see the note above.</source>
        <translation>Pas d&apos;ajustement α : voir la note ci-dessus.</translation>
    </message>
    <message>
        <source>No fit: {0}</source>
        <translation>Pas d&apos;ajustement : {0}</translation>
    </message>
    <message>
        <source>{done}&lt;br&gt;Q is already there.</source>
        <translation>{done}&lt;br&gt;Q y est déjà.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Densities&lt;/b&gt;&amp;nbsp; &lt;span style=&apos;color:{pc}&apos;&gt;■ P = {0}&lt;/span&gt;&amp;nbsp;&amp;nbsp; &lt;span style=&apos;color:{qc}&apos;&gt;■ Q = {1}&lt;/span&gt;</source>
        <translation>&lt;b&gt;Densités&lt;/b&gt;&amp;nbsp; &lt;span style=&apos;color:{pc}&apos;&gt;■ P = {0}&lt;/span&gt;&amp;nbsp;&amp;nbsp; &lt;span style=&apos;color:{qc}&apos;&gt;■ Q = {1}&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;KL integrands&lt;/b&gt; (signed area; hatched parts count negative)&amp;nbsp; &lt;span style=&apos;color:{pc}&apos;&gt;■ ∫ p·log(p/q) dx = D(P‖Q) = {0} {unit}&lt;/span&gt;&amp;nbsp;&amp;nbsp; &lt;span style=&apos;color:{qc}&apos;&gt;■ ∫ q·log(q/p) dx = D(Q‖P) = {1} {unit}&lt;/span&gt;</source>
        <translation>&lt;b&gt;Intégrandes de la KL&lt;/b&gt; (aire signée ; les hachures comptent en négatif)&amp;nbsp; &lt;span style=&apos;color:{pc}&apos;&gt;■ ∫ p·log(p/q) dx = D(P‖Q) = {0} {unit}&lt;/span&gt;&amp;nbsp;&amp;nbsp; &lt;span style=&apos;color:{qc}&apos;&gt;■ ∫ q·log(q/p) dx = D(Q‖P) = {1} {unit}&lt;/span&gt;</translation>
    </message>
    <message>
        <source>mean and variance of P</source>
        <translation>la moyenne et la variance de P</translation>
    </message>
    <message>
        <source>P&apos;s mean and variance</source>
        <translation>la moyenne et la variance de P</translation>
    </message>
</context>
<context>
    <name>pages.discrete</name>
    <message>
        <source>Discrete controls</source>
        <translation>Réglages discrets</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Catégories</translation>
    </message>
    <message>
        <source>Number of categories (2 to 100)</source>
        <translation>Nombre de catégories (2 à 100)</translation>
    </message>
    <message>
        <source>Preset &amp;P</source>
        <translation>Préréglage &amp;P</translation>
    </message>
    <message>
        <source>Preset &amp;Q</source>
        <translation>Préréglage &amp;Q</translation>
    </message>
    <message>
        <source>Support &amp;mismatch</source>
        <translation>Support incompati&amp;ble</translation>
    </message>
    <message>
        <source>Q is zero where P is not: D(P‖Q) becomes infinite</source>
        <translation>Q est nulle là où P ne l&apos;est pas : D(P‖Q) devient infinie</translation>
    </message>
    <message>
        <source>S&amp;wap P ⇄ Q</source>
        <translation>Écha&amp;nger P ⇄ Q</translation>
    </message>
    <message>
        <source>Exchange P and Q</source>
        <translation>Échanger P et Q</translation>
    </message>
    <message>
        <source>Cop&amp;y P → Q</source>
        <translation>Cop&amp;ier P → Q</translation>
    </message>
    <message>
        <source>Make Q equal to P</source>
        <translation>Rendre Q égale à P</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>Réinitia&amp;liser</translation>
    </message>
    <message>
        <source>Back to the starting scene</source>
        <translation>Retour à la scène de départ</translation>
    </message>
    <message>
        <source>Ca&amp;tegories</source>
        <translation>Ca&amp;tégories</translation>
    </message>
    <message>
        <source>Ed&amp;it labels…</source>
        <translation>&amp;Modifier les étiquettes…</translation>
    </message>
    <message>
        <source>Rename the categories</source>
        <translation>Renommer les catégories</translation>
    </message>
    <message>
        <source>&amp;Overlay</source>
        <translation>Supe&amp;rposer</translation>
    </message>
    <message>
        <source>Draw P and Q side by side on one chart</source>
        <translation>Dessiner P et Q côte à côte sur un seul graphique</translation>
    </message>
    <message>
        <source>&lt;b&gt;Measures&lt;/b&gt; (hover a value for its formula)</source>
        <translation>&lt;b&gt;Mesures&lt;/b&gt; (survolez une valeur pour voir sa formule)</translation>
    </message>
    <message>
        <source>the decomposition chart</source>
        <translation>le graphique de la décomposition</translation>
    </message>
    <message>
        <source>Which is larger, D(P‖Q) or D(Q‖P)?&lt;br&gt;Is H(P,Q) above H(P)?</source>
        <translation>Laquelle est la plus grande, D(P‖Q) ou D(Q‖P) ?&lt;br&gt;H(P,Q) est-elle au-dessus de H(P) ?</translation>
    </message>
    <message>
        <source>the pointwise terms chart</source>
        <translation>le graphique des termes ponctuels</translation>
    </message>
    <message>
        <source>Pointwise terms</source>
        <translation>Termes ponctuels</translation>
    </message>
    <message>
        <source>P (blue) and Q (orange)</source>
        <translation>P (en bleu) et Q (en orange)</translation>
    </message>
    <message>
        <source>Set {0} to a named shape</source>
        <translation>Donner à {0} une forme nommée</translation>
    </message>
    <message>
        <source>Category labels</source>
        <translation>Étiquettes des catégories</translation>
    </message>
    <message>
        <source>{0} labels, separated by commas:</source>
        <translation>{0} étiquettes, séparées par des virgules :</translation>
    </message>
    <message>
        <source>Labels not changed</source>
        <translation>Étiquettes inchangées</translation>
    </message>
    <message>
        <source>The labels were not changed: {exc}.</source>
        <translation>Les étiquettes n&apos;ont pas été changées : {exc}.</translation>
    </message>
</context>
<context>
    <name>pages.joint</name>
    <message>
        <source>Drag a cell (or a marginal) up or down; arrow keys move, + and − (Page Up/Down: five times as much) change the selected value, typing a number sets it. Double-click a label to rename it.</source>
        <translation>Faites glisser une case (ou une marginale) vers le haut ou le bas ; les flèches déplacent la sélection, + et − (Page préc./suiv. : cinq fois plus) changent la valeur choisie, taper un nombre la fixe. Double-cliquez sur une étiquette pour la renommer.</translation>
    </message>
    <message>
        <source>H(X,Y) = H(X|Y) + I(X;Y) + H(Y|X), on one scale; H(X) is the left two parts, H(Y) the right two.</source>
        <translation>H(X,Y) = H(X|Y) + I(X;Y) + H(Y|X), sur une même échelle ; H(X) correspond aux deux parties de gauche, H(Y) aux deux de droite.</translation>
    </message>
    <message>
        <source>H(X,Y) = 0: one outcome is certain, there is nothing to split</source>
        <translation>H(X,Y) = 0 : une issue est certaine, il n&apos;y a rien à partager</translation>
    </message>
    <message>
        <source>P(X)P(Y): the product of the marginals, what the joint would be if X and Y were independent.</source>
        <translation>P(X)P(Y) : le produit des marginales, ce que serait la loi jointe si X et Y étaient indépendantes.</translation>
    </message>
    <message>
        <source>P(x,y) log(P(x,y) / P(x)P(y)): purple where the joint is above the product, vermillion where below; they sum to I(X;Y).</source>
        <translation>P(x,y) log(P(x,y) / P(x)P(y)) : violet là où la loi jointe dépasse le produit, vermillon là où elle est en dessous ; leur somme vaut I(X;Y).</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Personnalisé</translation>
    </message>
    <message>
        <source>The crossover probability ε of the binary symmetric channel: I(X;Y) = 1 − h(ε) bits</source>
        <translation>La probabilité d&apos;inversion ε du canal binaire symétrique : I(X;Y) = 1 − h(ε) bits</translation>
    </message>
    <message>
        <source>ε, the binary symmetric channel&apos;s crossover probability: P(Y ≠ X) with X uniform, so I(X;Y) = 1 − h(ε) bits</source>
        <translation>ε, la probabilité d&apos;inversion du canal binaire symétrique : P(Y ≠ X) avec X uniforme, donc I(X;Y) = 1 − h(ε) bits</translation>
    </message>
    <message>
        <source>Number of rows (outcomes of X)</source>
        <translation>Nombre de lignes (issues de X)</translation>
    </message>
    <message>
        <source>Number of columns (outcomes of Y)</source>
        <translation>Nombre de colonnes (issues de Y)</translation>
    </message>
    <message>
        <source>Set P({row}, {col})</source>
        <translation>Fixer P({row}, {col})</translation>
    </message>
    <message>
        <source>Set P(X = {row})</source>
        <translation>Fixer P(X = {row})</translation>
    </message>
    <message>
        <source>Set P(Y = {col})</source>
        <translation>Fixer P(Y = {col})</translation>
    </message>
    <message>
        <source>Rename row {0}</source>
        <translation>Renommer la ligne {0}</translation>
    </message>
    <message>
        <source>Rename column {0}</source>
        <translation>Renommer la colonne {0}</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Préréglage</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <source>P(X,Y) — drag a cell or a marginal</source>
        <translation>P(X,Y) : faites glisser une case ou une marginale</translation>
    </message>
    <message>
        <source>Terms of I(X;Y)</source>
        <translation>Termes de I(X;Y)</translation>
    </message>
    <message>
        <source>Note on the joint table</source>
        <translation>Note sur le tableau de la loi jointe</translation>
    </message>
    <message>
        <source>Information diagram: H(X,Y) = H(X|Y) + I(X;Y) + H(Y|X)</source>
        <translation>Diagramme d&apos;information : H(X,Y) = H(X|Y) + I(X;Y) + H(Y|X)</translation>
    </message>
    <message>
        <source>Joint distribution</source>
        <translation>Loi jointe</translation>
    </message>
    <message>
        <source>Resize to {rows} × {cols}</source>
        <translation>Redimensionner en {rows} × {cols}</translation>
    </message>
    <message>
        <source>Preset: {name}</source>
        <translation>Préréglage : {name}</translation>
    </message>
    <message>
        <source>Crossover ε</source>
        <translation>Probabilité d&apos;inversion ε</translation>
    </message>
</context>
<context>
    <name>pages.losses</name>
    <message>
        <source>Bernoulli: binary cross-entropy</source>
        <translation>Bernoulli : entropie croisée binaire</translation>
    </message>
    <message>
        <source>Categorical: softmax cross-entropy</source>
        <translation>Catégorielle : entropie croisée softmax</translation>
    </message>
    <message>
        <source>Normal: squared error</source>
        <translation>Normale : erreur quadratique</translation>
    </message>
    <message>
        <source>Losses: drag</source>
        <translation>Pertes : glisser</translation>
    </message>
</context>
<context>
    <name>pages.losses_bernoulli</name>
    <message>
        <source>The target: probability of class 1 (0 or 1 is a hard label, between is a soft label)</source>
        <translation>La cible : probabilité de la classe 1 (0 ou 1 : étiquette dure ; entre les deux : étiquette souple)</translation>
    </message>
    <message>
        <source>Hard label y = 0</source>
        <translation>Cible dure y = 0</translation>
    </message>
    <message>
        <source>Hard label y = 1</source>
        <translation>Cible dure y = 1</translation>
    </message>
    <message>
        <source>The model&apos;s logit z; its prediction is f = σ(z) = 1 / (1 + e^−z)</source>
        <translation>Le logit z du modèle ; sa prédiction est f = σ(z) = 1 / (1 + e^−z)</translation>
    </message>
    <message>
        <source>The model&apos;s probability of class 1:  f = σ(z) = 1 / (1 + e^(−z))</source>
        <translation>La probabilité de la classe 1 selon le modèle :  f = σ(z) = 1 / (1 + e^(−z))</translation>
    </message>
    <message>
        <source>Target y</source>
        <translation>Cible y</translation>
    </message>
    <message>
        <source>Logit z</source>
        <translation>Logit z</translation>
    </message>
    <message>
        <source>Drag (or click) to move the prediction f</source>
        <translation>Faites glisser (ou cliquez) pour déplacer la prédiction f</translation>
    </message>
    <message>
        <source>BCE over the prediction f, for this target y</source>
        <translation>BCE selon la prédiction f, pour cette cible y</translation>
    </message>
    <message>
        <source>prediction f = σ(z)</source>
        <translation>prédiction f = σ(z)</translation>
    </message>
    <message>
        <source>{0} BCE(y, f) &amp;nbsp; {1} H(Bern(y)): the floor, reached at f = y &amp;nbsp; {2} D(Bern(y) ‖ Bern(f)): the height above it &amp;nbsp; {3} f&amp;nbsp;=&amp;nbsp;y &amp;nbsp; {4} the prediction (drag it)</source>
        <translation>{0} BCE(y, f) &amp;nbsp; {1} H(Bern(y)) : le plancher, atteint en f = y &amp;nbsp; {2} D(Bern(y) ‖ Bern(f)) : la hauteur au-dessus &amp;nbsp; {3} f&amp;nbsp;=&amp;nbsp;y &amp;nbsp; {4} la prédiction (faites-la glisser)</translation>
    </message>
    <message>
        <source>Binary cross-entropy</source>
        <translation>Entropie croisée binaire</translation>
    </message>
    <message>
        <source>Worked out (log is the natural logarithm)</source>
        <translation>Calcul détaillé (log est le logarithme népérien)</translation>
    </message>
    <message>
        <source>loss ({unit})</source>
        <translation>perte ({unit})</translation>
    </message>
    <message>
        <source>&lt;b&gt;A hard label&lt;/b&gt; (y = {y}) has no uncertainty: H(Bern(y)) = 0, so the binary cross-entropy &lt;i&gt;is&lt;/i&gt; the KL divergence: BCE = D(Bern(y) ‖ Bern(f)) = {kl}.</source>
        <translation>&lt;b&gt;Une étiquette dure&lt;/b&gt; (y = {y}) n&apos;a aucune incertitude : H(Bern(y)) = 0, donc l&apos;entropie croisée binaire &lt;i&gt;est&lt;/i&gt; la divergence de KL : BCE = D(Bern(y) ‖ Bern(f)) = {kl}.</translation>
    </message>
    <message>
        <source>A soft label keeps some uncertainty: H(Bern(y)) &amp;gt; 0 is a floor no prediction can go below, reached at f = y. Training can only remove the KL part.</source>
        <translation>Une étiquette souple garde de l&apos;incertitude : H(Bern(y)) &amp;gt; 0 est un plancher sous lequel aucune prédiction ne peut descendre, atteint en f = y. L&apos;entraînement ne peut supprimer que la partie KL.</translation>
    </message>
</context>
<context>
    <name>pages.losses_categorical</name>
    <message>
        <source>Number of classes (2 to 10); two classes is the Bernoulli case</source>
        <translation>Nombre de classes (2 à 10) ; deux classes, c&apos;est le cas Bernoulli</translation>
    </message>
    <message>
        <source>One-hot: click a class</source>
        <translation>One-hot : cliquez une classe</translation>
    </message>
    <message>
        <source>Soft: drag the target bars</source>
        <translation>Souple : glissez les barres</translation>
    </message>
    <message>
        <source>Label smoothing 0.1</source>
        <translation>Lissage d&apos;étiquettes 0,1</translation>
    </message>
    <message>
        <source>0.9 on the labelled class, 0.1 spread evenly over all classes</source>
        <translation>0,9 sur la classe étiquetée, 0,1 réparti également sur toutes les classes</translation>
    </message>
    <message>
        <source>Type the logits, separated by commas (the class count follows), then Enter</source>
        <translation>Tapez les logits, séparés par des virgules (le nombre de classes suit), puis Entrée</translation>
    </message>
    <message>
        <source>Gap {EXTREME:g}</source>
        <translation>Écart {EXTREME:g}</translation>
    </message>
    <message>
        <source>Logits (0, {EXTREME:g}, 0, …): f₀ underflows to 0, yet the loss stays exact because it is computed with logsumexp</source>
        <translation>Logits (0, {EXTREME:g}, 0, …) : f₀ tombe à 0 par soupassement, mais la perte reste exacte car elle est calculée avec logsumexp</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>Classes</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>Logits</source>
        <translation>Logits</translation>
    </message>
    <message>
        <source>Logits z (drag a bar: any real value)</source>
        <translation>Logits z (faites glisser une barre : toute valeur réelle)</translation>
    </message>
    <message>
        <source>Target y (blue) and softmax f (orange)</source>
        <translation>Cible y (en bleu) et softmax f (en orange)</translation>
    </message>
    <message>
        <source>softmax: f&lt;sub&gt;i&lt;/sub&gt; = e&lt;sup&gt;z&lt;sub&gt;i&lt;/sub&gt;&lt;/sup&gt; / Σ&lt;sub&gt;j&lt;/sub&gt; e&lt;sup&gt;z&lt;sub&gt;j&lt;/sub&gt;&lt;/sup&gt; &amp;nbsp;↓</source>
        <translation>softmax : f&lt;sub&gt;i&lt;/sub&gt; = e&lt;sup&gt;z&lt;sub&gt;i&lt;/sub&gt;&lt;/sup&gt; / Σ&lt;sub&gt;j&lt;/sub&gt; e&lt;sup&gt;z&lt;sub&gt;j&lt;/sub&gt;&lt;/sup&gt; &amp;nbsp;↓</translation>
    </message>
    <message>
        <source>Categorical cross-entropy</source>
        <translation>Entropie croisée catégorielle</translation>
    </message>
    <message>
        <source>Two classes: the Bernoulli case</source>
        <translation>Deux classes : le cas Bernoulli</translation>
    </message>
    <message>
        <source>With two classes, softmax cross-entropy = binary cross-entropy with f = σ(z₁ − z₀):  logsumexp(z) − Σ yᵢ zᵢ = −[y log f + (1−y) log(1−f)]</source>
        <translation>Avec deux classes, entropie croisée softmax = entropie croisée binaire avec f = σ(z₁ − z₀) :  logsumexp(z) − Σ yᵢ zᵢ = −[y log f + (1−y) log(1−f)]</translation>
    </message>
    <message>
        <source>Show in the Bernoulli panel</source>
        <translation>Montrer dans le panneau Bernoulli</translation>
    </message>
    <message>
        <source>Set the Bernoulli panel to y = y₁ and z = z₁ − z₀</source>
        <translation>Mettre le panneau Bernoulli à y = y₁ et z = z₁ − z₀</translation>
    </message>
    <message>
        <source>A batch of data pairs (File › Import data…)</source>
        <translation>Un lot de paires (Fichier › Importer des données…)</translation>
    </message>
    <message>
        <source>Worked out (log is the natural logarithm)</source>
        <translation>Calcul détaillé (log est le logarithme népérien)</translation>
    </message>
    <message>
        <source>Logits not changed: {exc}.</source>
        <translation>Logits inchangés : {exc}.</translation>
    </message>
    <message>
        <source>One-hot on class {k}: </source>
        <translation>One-hot sur la classe {k} : </translation>
    </message>
    <message>
        <source>Some f&lt;sub&gt;i&lt;/sub&gt; underflow to 0 in floating point, yet every number here is exact: log f&lt;sub&gt;i&lt;/sub&gt; = z&lt;sub&gt;i&lt;/sub&gt; − logsumexp(z) never forms f&lt;sub&gt;i&lt;/sub&gt;, and logsumexp(z) = m + log Σ&lt;sub&gt;j&lt;/sub&gt; e&lt;sup&gt;z&lt;sub&gt;j&lt;/sub&gt; − m&lt;/sup&gt; with m = max z.</source>
        <translation>Certains f&lt;sub&gt;i&lt;/sub&gt; tombent à 0 en virgule flottante, mais chaque nombre ici est exact : log f&lt;sub&gt;i&lt;/sub&gt; = z&lt;sub&gt;i&lt;/sub&gt; − logsumexp(z) ne forme jamais f&lt;sub&gt;i&lt;/sub&gt;, et logsumexp(z) = m + log Σ&lt;sub&gt;j&lt;/sub&gt; e&lt;sup&gt;z&lt;sub&gt;j&lt;/sub&gt; − m&lt;/sup&gt; avec m = max z.</translation>
    </message>
    <message>
        <source>&lt;b&gt;A one-hot target&lt;/b&gt; has H(y) = 0, so the cross-entropy &lt;i&gt;is&lt;/i&gt; the KL divergence: D(y ‖ f) = {kl}.</source>
        <translation>&lt;b&gt;Une cible one-hot&lt;/b&gt; a H(y) = 0, donc l&apos;entropie croisée &lt;i&gt;est&lt;/i&gt; la divergence de KL : D(y ‖ f) = {kl}.</translation>
    </message>
    <message>
        <source>&lt;b&gt;A soft target&lt;/b&gt; has H(y) &amp;gt; 0: the least loss, approached as softmax(z) approaches y. Only the KL part can be trained away.</source>
        <translation>&lt;b&gt;Une cible souple&lt;/b&gt; a H(y) &amp;gt; 0 : la plus petite perte, approchée quand softmax(z) s&apos;approche de y. Seule la partie KL peut être éliminée par l&apos;entraînement.</translation>
    </message>
    <message>
        <source>{f}: the Bernoulli panel&apos;s BCE with y = y&lt;sub&gt;1&lt;/sub&gt; = {y1} is the same {bce} nats.</source>
        <translation>{f} : la BCE du panneau Bernoulli avec y = y&lt;sub&gt;1&lt;/sub&gt; = {y1} vaut les mêmes {bce} nats.</translation>
    </message>
</context>
<context>
    <name>pages.losses_common</name>
    <message>
        <source>Measures and formulas (scrollable panel)</source>
        <translation>Mesures et formules (panneau défilant)</translation>
    </message>
    <message>
        <source>Worked formulas</source>
        <translation>Calculs détaillés</translation>
    </message>
    <message>
        <source>the worked formulas</source>
        <translation>les calculs détaillés</translation>
    </message>
</context>
<context>
    <name>pages.losses_normal</name>
    <message>
        <source>The observed target y</source>
        <translation>La cible observée y</translation>
    </message>
    <message>
        <source>The model&apos;s prediction f (the mean of N(f, σ²))</source>
        <translation>La prédiction f du modèle (la moyenne de N(f, σ²))</translation>
    </message>
    <message>
        <source>free σ</source>
        <translation>σ libre</translation>
    </message>
    <message>
        <source>Unticked, σ is fixed at 1: then −log N is ½ log 2π + ½ (y − f)²</source>
        <translation>Décoché, σ est fixé à 1 : alors −log N vaut ½ log 2π + ½ (y − f)²</translation>
    </message>
    <message>
        <source>The model&apos;s standard deviation σ</source>
        <translation>L&apos;écart-type σ du modèle</translation>
    </message>
    <message>
        <source>Target y</source>
        <translation>Cible y</translation>
    </message>
    <message>
        <source>Prediction f</source>
        <translation>Prédiction f</translation>
    </message>
    <message>
        <source>Drag (or click) to move the prediction f</source>
        <translation>Faites glisser (ou cliquez) pour déplacer la prédiction f</translation>
    </message>
    <message>
        <source>−log N(y; f, σ²) over f</source>
        <translation>−log N(y; f, σ²) selon f</translation>
    </message>
    <message>
        <source>prediction f</source>
        <translation>prédiction f</translation>
    </message>
    <message>
        <source>{0} −log N(y; f, σ²) &amp;nbsp; {1} ½ log(2πσ²) &amp;nbsp; {2} (y − f)²/(2σ²) &amp;nbsp; {3} f&amp;nbsp;=&amp;nbsp;y</source>
        <translation>{0} −log N(y; f, σ²) &amp;nbsp; {1} ½ log(2πσ²) &amp;nbsp; {2} (y − f)²/(2σ²) &amp;nbsp; {3} f&amp;nbsp;=&amp;nbsp;y</translation>
    </message>
    <message>
        <source>Data and the fitted line</source>
        <translation>Données et droite ajustée</translation>
    </message>
    <message>
        <source>Reset data</source>
        <translation>Réinitialiser les données</translation>
    </message>
    <message>
        <source>Back to the starting seven points</source>
        <translation>Retour aux sept points de départ</translation>
    </message>
    <message>
        <source>Data: drag a point · double-click to add one · right-click one to remove it</source>
        <translation>Données : faites glisser un point · double-cliquez pour en ajouter un · clic droit sur un point pour le retirer</translation>
    </message>
    <message>
        <source>slope a (with its best b)</source>
        <translation>pente a (avec son meilleur b)</translation>
    </message>
    <message>
        <source>The data set and its line</source>
        <translation>Le jeu de données et sa droite</translation>
    </message>
    <message>
        <source>the losses over the slope</source>
        <translation>les pertes selon la pente</translation>
    </message>
    <message>
        <source>Losses over the slope a</source>
        <translation>Pertes selon la pente a</translation>
    </message>
    <message>
        <source>Worked out (log is the natural logarithm)</source>
        <translation>Calcul détaillé (log est le logarithme népérien)</translation>
    </message>
    <message>
        <source>loss ({unit})</source>
        <translation>perte ({unit})</translation>
    </message>
    <message>
        <source>(The ½ on the squared error is the 1/(2σ²) of the density with σ = 1.)</source>
        <translation>(Le ½ devant l&apos;erreur quadratique est le 1/(2σ²) de la densité avec σ = 1.)</translation>
    </message>
    <message>
        <source>The part that moves with f, (y − f)²/(2σ²), is also {kl}.</source>
        <translation>La partie qui varie avec f, (y − f)²/(2σ²), est aussi {kl}.</translation>
    </message>
    <message>
        <source>{0} mean −log N &amp;nbsp; {1} ½ MSE &amp;nbsp; {2} fitted slope</source>
        <translation>{0} moyenne de −log N &amp;nbsp; {1} ½ MSE &amp;nbsp; {2} pente ajustée</translation>
    </message>
    <message>
        <source>&lt;b&gt;mean −log N&lt;/b&gt;</source>
        <translation>&lt;b&gt;moyenne de −log N&lt;/b&gt;</translation>
    </message>
    <message>
        <source>(n = {n}.) The constant does not depend on the line, so the line with the least MSE is the line with the least cross-entropy: over the slope, both curves bottom out together.</source>
        <translation>(n = {n}.) La constante ne dépend pas de la droite : la droite de plus petite MSE est donc celle de plus petite entropie croisée. En fonction de la pente, les deux courbes atteignent leur minimum ensemble.</translation>
    </message>
    <message>
        <source>(n = {n}.) Any fixed σ scales and shifts the MSE, so the best line is the same. The best σ for this line is √MSE = {best}.</source>
        <translation>(n = {n}.) Tout σ fixé multiplie et décale la MSE : la meilleure droite est donc la même. Le meilleur σ pour cette droite est √MSE = {best}.</translation>
    </message>
    <message>
        <source>All x are equal: every line through the mean fits as well; this one is flat.</source>
        <translation>Tous les x sont égaux : toute droite passant par la moyenne convient aussi bien ; celle-ci est horizontale.</translation>
    </message>
</context>
<context>
    <name>preferences</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>New sessions start in this unit; choosing one shows this session in it too</source>
        <translation>Les nouvelles sessions démarrent dans cette unité ; en choisir une y affiche aussi cette session</translation>
    </message>
    <message>
        <source>Light or dark, or whatever the desktop uses (the same as View › Theme)</source>
        <translation>Clair ou sombre, ou ce qu&apos;utilise le bureau (comme Affichage › Thème)</translation>
    </message>
    <message>
        <source>Significant digits of the readouts ({lo} to {hi})</source>
        <translation>Chiffres significatifs des valeurs affichées ({lo} à {hi})</translation>
    </message>
    <message>
        <source>How much larger the type is in presentation mode (F11), {lo:g}× to {hi:g}×</source>
        <translation>Combien les caractères sont plus grands en mode présentation (F11), de {lo:g}× à {hi:g}×</translation>
    </message>
    <message>
        <source>The language of the menus, labels and lesson; the command line and exported figures stay in English</source>
        <translation>La langue des menus, des libellés et de la leçon ; la ligne de commande et les figures exportées restent en anglais</translation>
    </message>
    <message>
        <source>A new language applies at the next start of klviz.</source>
        <translation>Une nouvelle langue s&apos;applique au prochain démarrage de klviz.</translation>
    </message>
    <message>
        <source>Default &amp;unit</source>
        <translation>&amp;Unité par défaut</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>T&amp;hème</translation>
    </message>
    <message>
        <source>&amp;Significant digits</source>
        <translation>&amp;Chiffres significatifs</translation>
    </message>
    <message>
        <source>&amp;Presentation scale</source>
        <translation>Échelle de &amp;présentation</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
</context>
<context>
    <name>shortcuts</name>
    <message>
        <source> or </source>
        <translation> ou </translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Effet</translation>
    </message>
</context>
<context>
    <name>widgets.batch_panel</name>
    <message>
        <source>No batch: File › Import data… › the loss lab&apos;s batch (a CSV of logit rows and a target column).</source>
        <translation>Aucun lot : Fichier › Importer des données… › le lot du labo des pertes (un CSV de lignes de logits et une colonne cible).</translation>
    </message>
    <message>
        <source>mean over the {n:,} data pair{0}: E over p̂_data of −log q(y | x) = {1} {2}</source>
        <translation>moyenne sur les {n:,} paire{0} de données : E sous p̂_data de −log q(y | x) = {1} {2}</translation>
    </message>
</context>
<context>
    <name>widgets.curves</name>
    <message>
        <source>density</source>
        <extracomment>the largest axis limit: an integrand near the top of the float range (a needle-thin P far from a wide Q) gets a round top and padding that still are floats, never an infinite range</extracomment>
        <translation>densité</translation>
    </message>
    <message>
        <source>integrand ({unit})</source>
        <translation>intégrande ({unit})</translation>
    </message>
</context>
<context>
    <name>widgets.divergences_group</name>
    <message>
        <source>More divergences</source>
        <translation>Autres divergences</translation>
    </message>
    <message>
        <source>Total variation, Hellinger, Pearson χ² and Rényi divergences: tick to show them</source>
        <translation>Variation totale, Hellinger, χ² de Pearson et divergences de Rényi : cochez pour les afficher</translation>
    </message>
    <message>
        <source>Rényi &amp;α</source>
        <translation>&amp;α de Rényi</translation>
    </message>
    <message>
        <source>The order α of the Rényi divergences, on a log scale from 0.01 to 100; the middle tick is α = 1 (the KL divergence), the right end α = ∞</source>
        <translation>L&apos;ordre α des divergences de Rényi, sur une échelle logarithmique de 0,01 à 100 ; la graduation du milieu est α = 1 (la divergence de KL), l&apos;extrémité droite α = ∞</translation>
    </message>
    <message>
        <source>Type the order α: a number &gt; 0, or inf (∞); Enter to apply</source>
        <translation>Tapez l&apos;ordre α : un nombre &gt; 0, ou inf (∞) ; Entrée pour appliquer</translation>
    </message>
    <message>
        <source>α on a log scale: 1 is the KL divergence, the right end ∞</source>
        <translation>α sur une échelle logarithmique : 1 donne la divergence de KL, l&apos;extrémité droite ∞</translation>
    </message>
    <message>
        <source>{exc}; α stays {0}.</source>
        <translation>{exc} ; α reste {0}.</translation>
    </message>
    <message>
        <source>TV, Hellinger and χ² are unitless; the Rényi divergences are in {unit}.</source>
        <translation>TV, Hellinger et χ² sont sans unité ; les divergences de Rényi sont en {unit}.</translation>
    </message>
</context>
<context>
    <name>widgets.fit_q_to_p</name>
    <message>
        <source>Fit Q to P (gradient descent)</source>
        <translation>Ajuster Q à P (par gradient)</translation>
    </message>
    <message>
        <source>Gradient descent on Q&apos;s logits, minimising H(P,Q) — and with it D(P‖Q).
Animated; the whole fit is one undo step.</source>
        <translation>Descente de gradient sur les logits de Q, qui minimise H(P,Q), et avec elle D(P‖Q).
Animée ; tout l&apos;ajustement forme une seule étape d&apos;annulation.</translation>
    </message>
    <message>
        <source>No fit: {0}</source>
        <translation>Pas d&apos;ajustement : {0}</translation>
    </message>
    <message>
        <source>  Q is already P.</source>
        <translation>  Q est déjà P.</translation>
    </message>
    <message>
        <source>{unit} per symbol</source>
        <translation>{unit} par symbole</translation>
    </message>
    <message>
        <source>Press Fit Q to P to start the descent from the current Q.</source>
        <translation>Appuyez sur Ajuster Q à P pour lancer la descente depuis le Q actuel.</translation>
    </message>
</context>
<context>
    <name>widgets.framework_note</name>
    <message>
        <source>The PyTorch, TensorFlow and JAX expressions for the current pair.</source>
        <translation>Les expressions PyTorch, TensorFlow et JAX de la paire actuelle.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy the note (plain text) to the clipboard</source>
        <translation>Copier la note (texte brut) dans le presse-papiers</translation>
    </message>
</context>
<context>
    <name>widgets.pointwise</name>
    <message>
        <source>p log(p/q)</source>
        <translation>p log(p/q)</translation>
    </message>
    <message>
        <source>q log(q/p)</source>
        <translation>q log(q/p)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Pointwise terms&lt;/b&gt; (a term can be negative; the sums cannot): </source>
        <translation>&lt;b&gt;Termes ponctuels&lt;/b&gt; (un terme peut être négatif ; les sommes, non) : </translation>
    </message>
</context>
<context>
    <name>widgets.readouts</name>
    <message>
        <source>&amp;Copy {0}</source>
        <translation>&amp;Copier {0}</translation>
    </message>
    <message>
        <source>Copy &amp;all values</source>
        <translation>Copier &amp;toutes les valeurs</translation>
    </message>
    <message>
        <source>Copy as &amp;LaTeX</source>
        <translation>Copier en &amp;LaTeX</translation>
    </message>
    <message>
        <source>Copy these values as a LaTeX formula (needs amsmath)</source>
        <translation>Copier ces valeurs sous forme de formule LaTeX (nécessite amsmath)</translation>
    </message>
</context>
<context>
    <name>widgets.reflow</name>
    <message>
        <source>Show {0}</source>
        <extracomment>extra width needed to go back side by side once stacked, so a scroll bar appearing or disappearing on the way cannot flip the layout back and forth</extracomment>
        <translation>Afficher {0}</translation>
    </message>
    <message>
        <source>Show or hide {0}</source>
        <translation>Afficher ou masquer {0}</translation>
    </message>
    <message>
        <source>Page (scrolls when the window is small)</source>
        <translation>Page (défile quand la fenêtre est petite)</translation>
    </message>
</context>
<context>
    <name>widgets.slider_spin</name>
    <message>
        <source>{what}: {typed} is above the maximum, {limit}; set to {limit}.</source>
        <translation>{what} : {typed} dépasse le maximum, {limit} ; ramené à {limit}.</translation>
    </message>
    <message>
        <source>{what}: {typed} is below the minimum, {limit}; set to {limit}.</source>
        <translation>{what} : {typed} est sous le minimum, {limit} ; ramené à {limit}.</translation>
    </message>
    <message>
        <source>{0} (slider)</source>
        <translation>{0} (curseur)</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
</context>
<context>
    <name>widgets.value_label</name>
    <message>
        <source>&lt;div style=&apos;font-size:{size_pt}pt&apos;&gt;{questions_html}&lt;/div&gt;&lt;p&gt;Predict, then press &lt;b&gt;Space&lt;/b&gt; to reveal.&lt;/p&gt;</source>
        <translation>&lt;div style=&apos;font-size:{size_pt}pt&apos;&gt;{questions_html}&lt;/div&gt;&lt;p&gt;Prédisez, puis appuyez sur &lt;b&gt;Espace&lt;/b&gt; pour révéler.&lt;/p&gt;</translation>
    </message>
</context>
</TS>

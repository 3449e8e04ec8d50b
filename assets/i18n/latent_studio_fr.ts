<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>CUDA {version}</source>
        <translation>CUDA {version}</translation>
    </message>
    <message>
        <source>CPU build</source>
        <translation>version pour CPU</translation>
    </message>
    <message>
        <source> (stand-alone bundle)</source>
        <translation> (paquet autonome)</translation>
    </message>
    <message>
        <source>Your models</source>
        <translation>Vos modèles</translation>
    </message>
    <message>
        <source>Downloaded datasets</source>
        <translation>Jeux de données téléchargés</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <source>Shipped with the app (read-only)</source>
        <translation>Fournis avec l&apos;application (lecture seule)</translation>
    </message>
    <message>
        <source>Train autoencoders and GANs on MNIST and Fashion-MNIST, and watch them learn. The models and their defaults are those of the autoencoder/GAN chapter of Aurélien Géron&apos;s &lt;i&gt;Hands-On Machine Learning&lt;/i&gt;.</source>
        <translation>Entraînez des autoencodeurs et des GAN sur MNIST et Fashion-MNIST, et regardez-les apprendre. Les modèles et leurs réglages par défaut sont ceux du chapitre sur les autoencodeurs et les GAN du livre d&apos;Aurélien Géron, &lt;i&gt;Hands-On Machine Learning&lt;/i&gt; (&lt;i&gt;Deep Learning avec Keras et TensorFlow&lt;/i&gt;).</translation>
    </message>
    <message>
        <source>&lt;b&gt;MNIST&lt;/b&gt; — Yann LeCun, Corinna Cortes and Christopher J. C. Burges, &lt;a href=&quot;https://creativecommons.org/licenses/by-sa/3.0/&quot;&gt;CC BY-SA 3.0&lt;/a&gt;. &lt;b&gt;Fashion-MNIST&lt;/b&gt; — Zalando Research (Han Xiao, Kashif Rasul, Roland Vollgraf), &lt;a href=&quot;https://opensource.org/licenses/MIT&quot;&gt;MIT License&lt;/a&gt;.</source>
        <translation>&lt;b&gt;MNIST&lt;/b&gt; — Yann LeCun, Corinna Cortes et Christopher J. C. Burges, &lt;a href=&quot;https://creativecommons.org/licenses/by-sa/3.0/deed.fr&quot;&gt;CC BY-SA 3.0&lt;/a&gt;. &lt;b&gt;Fashion-MNIST&lt;/b&gt; — Zalando Research (Han Xiao, Kashif Rasul, Roland Vollgraf), &lt;a href=&quot;https://opensource.org/licenses/MIT&quot;&gt;licence MIT&lt;/a&gt;.</translation>
    </message>
    <message>
        <source>The {n} shipped models were trained by Latent Studio on these datasets. Built with PySide6 (Qt), pyqtgraph, PyTorch, NumPy, safetensors and platformdirs.</source>
        <translation>Les {n} modèles fournis ont été entraînés par Latent Studio sur ces jeux de données. Réalisé avec PySide6 (Qt), pyqtgraph, PyTorch, NumPy, safetensors et platformdirs.</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>À propos de {app}</translation>
    </message>
    <message>
        <source>The data and model credits shipped with the app (DATA-CREDITS.md).</source>
        <translation>Les crédits des données et des modèles fournis avec l&apos;application (DATA-CREDITS.md).</translation>
    </message>
    <message>
        <source>Latent Studio</source>
        <translation>Latent Studio</translation>
    </message>
    <message>
        <source>The app opens with its shipped models and embedded data, but cannot save the models you train, your imports or your settings until it has a folder it can write.</source>
        <translation>L&apos;application s&apos;ouvre avec ses modèles fournis et ses données intégrées, mais ne peut enregistrer ni les modèles que vous entraînez, ni vos importations, ni vos réglages tant qu&apos;elle n&apos;a pas un dossier où écrire.</translation>
    </message>
    <message>
        <source>Choose another folder…</source>
        <translation>Choisir un autre dossier…</translation>
    </message>
    <message>
        <source>Pick a folder you can write; Latent Studio keeps your files there from now on.</source>
        <translation>Choisissez un dossier où vous pouvez écrire&#xa0;; Latent Studio y gardera désormais vos fichiers.</translation>
    </message>
    <message>
        <source>Continue without saving</source>
        <translation>Continuer sans enregistrer</translation>
    </message>
    <message>
        <source>Open the app anyway: nothing you train will be saved.</source>
        <translation>Ouvrir quand même l&apos;application&#xa0;: rien de ce que vous entraînez ne sera enregistré.</translation>
    </message>
    <message>
        <source>Choose a folder for Latent Studio&apos;s files</source>
        <translation>Choisir un dossier pour les fichiers de Latent Studio</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>⚠ Your models and settings cannot be saved</source>
        <translation>⚠ Vos modèles et réglages ne peuvent pas être enregistrés</translation>
    </message>
</context>
<context>
    <name>ClassBars</name>
    <message>
        <source>{name}: {grid} % of the grid, {model} % of {count} samples</source>
        <translation>{name} : {grid} % de la grille, {model} % de {count} échantillons</translation>
    </message>
    <message>
        <source>{name}: {grid} % of the grid</source>
        <translation>{name} : {grid} % de la grille</translation>
    </message>
</context>
<context>
    <name>CodeBars</name>
    <message>
        <source>Each bar is one number of the code: blue above zero, orange below.</source>
        <translation>Chaque barre est une valeur du codage&#xa0;: bleue au-dessus de zéro, orange en dessous.</translation>
    </message>
    <message>
        <source>code unit (0 … {last})</source>
        <translation>unité de codage (0 … {last})</translation>
    </message>
    <message>
        <source>no code yet</source>
        <translation>pas encore de codage</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>validation loss</source>
        <translation>perte de validation</translation>
    </message>
    <message>
        <source>validation BCE (reconstruction only)</source>
        <translation>BCE de validation (reconstruction seule)</translation>
    </message>
    <message>
        <source>validation rounded accuracy</source>
        <translation>exactitude arrondie de validation</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>perte d&apos;entraînement</translation>
    </message>
    <message>
        <source>validation BCE</source>
        <translation>BCE de validation</translation>
    </message>
    <message>
        <source>rounded accuracy</source>
        <translation>exactitude arrondie</translation>
    </message>
    <message>
        <source>images per second</source>
        <translation>images par seconde</translation>
    </message>
    <message>
        <source>training time (s)</source>
        <translation>durée d&apos;entraînement (s)</translation>
    </message>
    <message>
        <source>on</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>off</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Compare runs</source>
        <translation>Comparer des entraînements</translation>
    </message>
    <message>
        <source>Which per-epoch curve to overlay (those all runs have are listed first).</source>
        <translation>Quelle courbe par époque superposer (celles que tous les entraînements ont sont en tête de liste).</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>époque</translation>
    </message>
    <message>
        <source>Each run: its family, its dataset, the settings that differ, and its name.</source>
        <translation>Chaque entraînement&#xa0;: sa famille, son jeu de données, les réglages qui diffèrent, et son nom.</translation>
    </message>
    <message>
        <source>Each run&apos;s final metrics (its last epoch), side by side; the best of each row is in bold.</source>
        <translation>Les mesures finales de chaque entraînement (sa dernière époque), côte à côte&#xa0;; la meilleure de chaque ligne est en gras.</translation>
    </message>
    <message>
        <source>Settings that differ: {keys}.</source>
        <translation>Réglages qui diffèrent&#xa0;: {keys}.</translation>
    </message>
    <message>
        <source>These runs were trained with the same settings.</source>
        <translation>Ces entraînements ont eu les mêmes réglages.</translation>
    </message>
    <message>
        <source>Curve:</source>
        <translation>Courbe&#xa0;:</translation>
    </message>
</context>
<context>
    <name>DataBox</name>
    <message>
        <source>MNIST (handwritten digits)</source>
        <translation>MNIST (chiffres manuscrits)</translation>
    </message>
    <message>
        <source>Fashion-MNIST (clothes)</source>
        <translation>Fashion-MNIST (vêtements)</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Données</translation>
    </message>
    <message>
        <source>The images to learn from: 28×28 grey digits or clothes.</source>
        <translation>Les images dont apprendre&#xa0;: chiffres ou vêtements en 28×28 niveaux de gris.</translation>
    </message>
    <message>
        <source>Where the images come from: the small subset shipped with the app (fast, offline), the full 60,000-image dataset, or a folder you imported.</source>
        <translation>D&apos;où viennent les images&#xa0;: le petit sous-ensemble fourni avec l&apos;application (rapide, hors ligne), le jeu complet de 60 000 images, ou un dossier que vous avez importé.</translation>
    </message>
    <message>
        <source>Import folder…</source>
        <translation>Importer un dossier…</translation>
    </message>
    <message>
        <source>Use a folder that holds the four IDX files (train/t10k images and labels, .gz or not), e.g. a copy downloaded on another computer; or a folder of your own pictures, one sub-folder per class or all together (you see them converted before training).</source>
        <translation>Utiliser un dossier qui contient les quatre fichiers IDX (images et étiquettes train/t10k, .gz ou non), par exemple une copie téléchargée sur un autre ordinateur&#xa0;; ou un dossier de vos propres images, un sous-dossier par classe ou toutes ensemble (vous les voyez converties avant l&apos;entraînement).</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Jeu de données</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Imported folder — {0}</source>
        <translation>Dossier importé — {0}</translation>
    </message>
    <message>
        <source>Full dataset — {0}</source>
        <translation>Jeu de données complet — {0}</translation>
    </message>
    <message>
        <source>Full dataset — download from the official mirror (needs internet)</source>
        <translation>Jeu de données complet — téléchargement depuis le miroir officiel (connexion Internet requise)</translation>
    </message>
    <message>
        <source>Folder with the {dataset} IDX files</source>
        <translation>Dossier contenant les fichiers IDX de {dataset}</translation>
    </message>
    <message>
        <source>Cannot use this folder</source>
        <translation>Impossible d&apos;utiliser ce dossier</translation>
    </message>
    <message>
        <source>This folder does not hold a readable copy of {dataset}:

{reason}</source>
        <translation>Ce dossier ne contient pas de copie lisible de {dataset}&#xa0;:

{reason}</translation>
    </message>
    <message>
        <source>Imported {dataset} from {folder}.</source>
        <translation>{dataset} importé depuis {folder}.</translation>
    </message>
    <message>
        <source>Training data: the pictures of {folder}.</source>
        <translation>Données d&apos;entraînement&#xa0;: les images de {folder}.</translation>
    </message>
</context>
<context>
    <name>DeviceBox</name>
    <message>
        <source>Device</source>
        <translation>Matériel</translation>
    </message>
    <message>
        <source>Automatic (best available)</source>
        <translation>Automatique (le meilleur disponible)</translation>
    </message>
    <message numerus="yes">
        <source>CPU — %n core(s) on this machine</source>
        <translation>
            <numerusform>CPU — %n cœur sur cette machine</numerusform>
            <numerusform>CPU — %n cœurs sur cette machine</numerusform>
        </translation>
    </message>
    <message>
        <source>Fast (compiled) — best available</source>
        <translation>Rapide (compilé) — le meilleur disponible</translation>
    </message>
    <message>
        <source>The training step compiled with torch.compile (CUDA graphs on a GPU): faster per step once compiled, but compiling takes a while first. A run too short to win that time back trains normally, and the run&apos;s log says so.</source>
        <translation>L&apos;étape d&apos;entraînement compilée avec torch.compile (graphes CUDA sur un GPU)&#xa0;: plus rapide à chaque étape une fois compilée, mais la compilation prend d&apos;abord un moment. Un entraînement trop court pour regagner ce temps s&apos;entraîne normalement, et son journal le dit.</translation>
    </message>
    <message>
        <source>Found: {gpus}.</source>
        <translation>Trouvé&#xa0;: {gpus}.</translation>
    </message>
    <message>
        <source>No GPU was found here: training runs on the CPU.</source>
        <translation>Aucun GPU trouvé ici&#xa0;: l&apos;entraînement tourne sur le CPU.</translation>
    </message>
    <message>
        <source>Where the model trains. Automatic picks CUDA, then Apple MPS, then the CPU. {found}</source>
        <translation>Où le modèle s&apos;entraîne. Automatique choisit CUDA, puis Apple MPS, puis le CPU. {found}</translation>
    </message>
    <message>
        <source>CPU threads torch may use. 1 leaves the other core(s) to the window, which keeps it smooth on a small laptop.</source>
        <translation>Nombre de fils d&apos;exécution CPU que torch peut utiliser. 1 laisse les autres cœurs à la fenêtre, qui reste fluide sur un petit portable.</translation>
    </message>
    <message>
        <source>What this machine offers.</source>
        <translation>Ce que propose cette machine.</translation>
    </message>
    <message>
        <source>Train on</source>
        <translation>Entraîner sur</translation>
    </message>
    <message>
        <source>CPU threads</source>
        <translation>Fils CPU</translation>
    </message>
    <message>
        <source>no GPU</source>
        <translation>pas de GPU</translation>
    </message>
    <message numerus="yes">
        <source>Detected: {found}; CPU with %n core(s).</source>
        <translation>
            <numerusform>Détecté&#xa0;: {found}&#xa0;; CPU à %n cœur.</numerusform>
            <numerusform>Détecté&#xa0;: {found}&#xa0;; CPU à %n cœurs.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DrawPage</name>
    <message>
        <source>Could not use this image: {reason}.</source>
        <translation>Impossible d&apos;utiliser cette image&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>A model could not be loaded: {reason}</source>
        <translation>Un modèle n&apos;a pas pu être chargé&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Latent code</source>
        <translation>Codage latent</translation>
    </message>
    <message>
        <source>The latent map appears here in a moment.</source>
        <translation>La carte latente apparaît ici dans un instant.</translation>
    </message>
    <message>
        <source>Click to dismiss.</source>
        <translation>Cliquer pour fermer.</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Open an image</source>
        <translation>Ouvrir une image</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>Ouverture de {name}…</translation>
    </message>
    <message>
        <source>Could not open {name}.</source>
        <translation>Impossible d&apos;ouvrir {name}.</translation>
    </message>
    <message>
        <source>{name} looks blank: no ink stands out from its background.</source>
        <translation>{name} semble vide&#xa0;: aucune encre ne se détache du fond.</translation>
    </message>
    <message>
        <source>dark ink on a light background, so it was inverted</source>
        <translation>encre foncée sur fond clair, donc inversée</translation>
    </message>
    <message>
        <source>light ink on dark</source>
        <translation>encre claire sur fond foncé</translation>
    </message>
    <message>
        <source>Loaded {name} ({width}×{height} pixels): {how}. You can keep drawing on it; Undo brings back your drawing.</source>
        <translation>{name} chargée ({width}×{height} pixels)&#xa0;: {how}. Vous pouvez continuer à dessiner dessus&#xa0;; «&#xa0;Annuler&#xa0;» rétablit votre dessin.</translation>
    </message>
    <message>
        <source>Opened {name}.</source>
        <translation>{name} ouvert.</translation>
    </message>
    <message>
        <source>Latent code (draw, then click a reconstruction)</source>
        <translation>Codage latent (dessinez, puis cliquez sur une vignette)</translation>
    </message>
    <message numerus="yes">
        <source>Latent code of {name}: %n number(s)</source>
        <translation>
            <numerusform>Codage latent — {name}&#xa0;: %n valeur</numerusform>
            <numerusform>Codage latent — {name}&#xa0;: %n valeurs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DrawingCanvas</name>
    <message>
        <source>Draw with the left mouse button (or a pen). Right button: erase. Drop an image file here to load it.</source>
        <translation>Dessinez avec le bouton gauche de la souris (ou un stylet). Bouton droit&#xa0;: gomme. Déposez ici un fichier image pour le charger.</translation>
    </message>
    <message>
        <source>Draw a digit here
(or drop an image)</source>
        <translation>Dessinez un chiffre ici
(ou déposez une image)</translation>
    </message>
</context>
<context>
    <name>DrawingTools</name>
    <message>
        <source>Pen</source>
        <translation>Crayon</translation>
    </message>
    <message>
        <source>Draw (P). The right mouse button always erases.</source>
        <translation>Dessiner (P). Le bouton droit de la souris efface toujours.</translation>
    </message>
    <message>
        <source>Eraser</source>
        <translation>Gomme</translation>
    </message>
    <message>
        <source>Erase with the left button (E).</source>
        <translation>Effacer avec le bouton gauche (E).</translation>
    </message>
    <message>
        <source>Brush size in canvas pixels ([ and ] change it). The canvas is 280×280: ten times a model&apos;s 28×28 input.</source>
        <translation>Taille du pinceau en pixels du canevas ([ et ] la changent). Le canevas fait 280×280&#xa0;: dix fois l&apos;entrée 28×28 d&apos;un modèle.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Undo the last stroke (Ctrl+Z).</source>
        <translation>Annuler le dernier trait (Ctrl+Z).</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer tout</translation>
    </message>
    <message>
        <source>Clear the canvas (Delete). Undo brings it back.</source>
        <translation>Vider le canevas (Suppr). «&#xa0;Annuler&#xa0;» le rétablit.</translation>
    </message>
    <message>
        <source>Open image…</source>
        <translation>Ouvrir une image…</translation>
    </message>
    <message>
        <source>Load a PNG, JPEG, BMP, … (Ctrl+I), or drop an image file on the canvas. Photos of dark ink on paper are inverted automatically.</source>
        <translation>Charger un PNG, JPEG, BMP… (Ctrl+I), ou déposer un fichier image sur le canevas. Les photos d&apos;encre foncée sur papier sont inversées automatiquement.</translation>
    </message>
    <message>
        <source>Brush {0}</source>
        <translation>Pinceau {0}</translation>
    </message>
</context>
<context>
    <name>GanHealthView</name>
    <message>
        <source>How the two networks are doing, read from D(x), D(G(z)), how varied the samples are and, after each epoch, which classes the judge sees in them.</source>
        <translation>Comment se portent les deux réseaux, d&apos;après D(x), D(G(z)), la variété des échantillons et, après chaque époque, les classes que le juge y voit.</translation>
    </message>
    <message>
        <source>&lt;b&gt;GAN health: {headline}.&lt;/b&gt; {advice} &lt;span style=&apos;color:#666&apos;&gt;(D(x) {d_real}, D(G(z)) {d_fake})&lt;/span&gt;</source>
        <translation>&lt;b&gt;Santé du GAN&#xa0;: {headline}.&lt;/b&gt; {advice} &lt;span style=&apos;color:#666&apos;&gt;(D(x) {d_real}, D(G(z)) {d_fake})&lt;/span&gt;</translation>
    </message>
</context>
<context>
    <name>GeneratePage</name>
    <message>
        <source>The generator to sample: a GAN, the DCGAN or a VAE&apos;s decoder.</source>
        <translation>Le générateur à échantillonner&#xa0;: un GAN, le DCGAN ou le décodeur d&apos;un VAE.</translation>
    </message>
    <message>
        <source>The random seed of the codes: the same seed always gives the same grid.</source>
        <translation>La graine aléatoire des codages&#xa0;: la même graine donne toujours la même grille.</translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s)</source>
        <translation>
            <numerusform>%n échantillon</numerusform>
            <numerusform>%n échantillons</numerusform>
        </translation>
    </message>
    <message>
        <source>Resample</source>
        <translation>Rééchantillonner</translation>
    </message>
    <message>
        <source>New random codes: the next seed (R).</source>
        <translation>Nouveaux codages aléatoires&#xa0;: la graine suivante (R).</translation>
    </message>
    <message>
        <source>Save grid as PNG…</source>
        <translation>Enregistrer la grille en PNG…</translation>
    </message>
    <message>
        <source>Save the sample grid as a PNG image.</source>
        <translation>Enregistrer la grille d&apos;échantillons comme image PNG.</translation>
    </message>
    <message>
        <source>auto (≥ {width} px wide)</source>
        <translation>auto (≥ {width} px de large)</translation>
    </message>
    <message>
        <source>How much the saved PNGs are enlarged: every pixel becomes a square block (nearest neighbour), so they stay crisp on a slide.</source>
        <translation>Agrandissement des PNG enregistrés&#xa0;: chaque pixel devient un carré (plus proche voisin), pour rester net sur une diapositive.</translation>
    </message>
    <message>
        <source>Generator:</source>
        <translation>Générateur&#xa0;:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Graine&#xa0;:</translation>
    </message>
    <message>
        <source>PNG size:</source>
        <translation>Taille du PNG&#xa0;:</translation>
    </message>
    <message>
        <source>Click a sample to pick it: the last two picks are A and B, the ends of the interpolation.</source>
        <translation>Cliquez sur un échantillon pour le choisir&#xa0;: les deux derniers choix sont A et B, les extrémités de l&apos;interpolation.</translation>
    </message>
    <message>
        <source>Pick A</source>
        <translation>Choisir A</translation>
    </message>
    <message>
        <source>Pick B</source>
        <translation>Choisir B</translation>
    </message>
    <message>
        <source>Images in the strip, A and B included.</source>
        <translation>Images dans la bande, A et B compris.</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>Linéaire</translation>
    </message>
    <message>
        <source>A straight line from z_A to z_B.</source>
        <translation>Une ligne droite de z_A à z_B.</translation>
    </message>
    <message>
        <source>Spherical</source>
        <translation>Sphérique</translation>
    </message>
    <message>
        <source>A great circle from z_A to z_B (slerp): the codes keep the length typical of N(0, I), so the middle images are not washed out.</source>
        <translation>Un grand cercle de z_A à z_B (slerp)&#xa0;: les codages gardent la norme typique de N(0, I), si bien que les images du milieu ne sont pas délavées.</translation>
    </message>
    <message>
        <source>Pick two samples (A and B) in the grid.</source>
        <translation>Choisissez deux échantillons (A et B) dans la grille.</translation>
    </message>
    <message>
        <source>Save strip as PNG…</source>
        <translation>Enregistrer la bande en PNG…</translation>
    </message>
    <message>
        <source>Interpolation from A to B</source>
        <translation>Interpolation de A à B</translation>
    </message>
    <message>
        <source>A</source>
        <comment>the first picked sample</comment>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <comment>the second picked sample</comment>
        <translation>B</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Étapes</translation>
    </message>
    <message>
        <source>Latent sliders</source>
        <translation>Curseurs latents</translation>
    </message>
    <message>
        <source>Pick a sample</source>
        <translation>Choisissez un échantillon</translation>
    </message>
    <message>
        <source>Back to A</source>
        <translation>Revenir à A</translation>
    </message>
    <message>
        <source>Put the sliders back on the picked sample&apos;s code.</source>
        <translation>Replacer les curseurs sur le codage de l&apos;échantillon choisi.</translation>
    </message>
    <message>
        <source>z{index}</source>
        <translation>z{index}</translation>
    </message>
    <message>
        <source>No generator yet: train a GAN, a DCGAN or a VAE on the Train page.</source>
        <translation>Pas encore de générateur&#xa0;: entraînez un GAN, un DCGAN ou un VAE sur la page Entraîner.</translation>
    </message>
    <message>
        <source>Loading {name}…</source>
        <translation>Chargement de {name}…</translation>
    </message>
    <message>
        <source>⚠ Could not load this generator: {reason}</source>
        <translation>⚠ Impossible de charger ce générateur&#xa0;: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>{name}: a VAE&apos;s decoder fed with z ~ N(0, I), %n number(s) per code. Click a sample to pick it (A, then B).</source>
        <translation>
            <numerusform>{name}&#xa0;: le décodeur d&apos;un VAE nourri de z ~ N(0, I), %n valeur par codage. Cliquez sur un échantillon pour le choisir (A, puis B).</numerusform>
            <numerusform>{name}&#xa0;: le décodeur d&apos;un VAE nourri de z ~ N(0, I), %n valeurs par codage. Cliquez sur un échantillon pour le choisir (A, puis B).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name}: the generator fed with noise, %n number(s), and the class to draw (one of {codes}). Click a sample to pick it (A, then B).</source>
        <translation>
            <numerusform>{name}&#xa0;: le générateur nourri de bruit, %n valeur, et de la classe à dessiner (parmi {codes}). Cliquez sur un échantillon pour le choisir (A, puis B).</numerusform>
            <numerusform>{name}&#xa0;: le générateur nourri de bruit, %n valeurs, et de la classe à dessiner (parmi {codes}). Cliquez sur un échantillon pour le choisir (A, puis B).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name}: the generator fed with noise, %n number(s), and one of {codes} class codes. Click a sample to pick it (A, then B).</source>
        <translation>
            <numerusform>{name}&#xa0;: le générateur nourri de bruit, %n valeur, et d&apos;un code de classe parmi {codes}. Cliquez sur un échantillon pour le choisir (A, puis B).</numerusform>
            <numerusform>{name}&#xa0;: le générateur nourri de bruit, %n valeurs, et d&apos;un code de classe parmi {codes}. Cliquez sur un échantillon pour le choisir (A, puis B).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name}: the generator fed with noise, %n number(s) per code. Click a sample to pick it (A, then B).</source>
        <translation>
            <numerusform>{name}&#xa0;: le générateur nourri de bruit, %n valeur par codage. Cliquez sur un échantillon pour le choisir (A, puis B).</numerusform>
            <numerusform>{name}&#xa0;: le générateur nourri de bruit, %n valeurs par codage. Cliquez sur un échantillon pour le choisir (A, puis B).</numerusform>
        </translation>
    </message>
    <message>
        <source>Each code is pulled toward its nearest mode, keeping {psi} of its distance: cleaner samples, less variety. Choose “No truncation” to see the lecture&apos;s sampling.</source>
        <translation>Chaque code est rapproché de son mode le plus proche, en gardant {psi} de sa distance&#xa0;: des échantillons plus nets, moins variés. Choisissez «&#xa0;Sans troncature&#xa0;» pour voir l&apos;échantillonnage du cours.</translation>
    </message>
    <message>
        <source>Each code is pulled toward the centre of the cloud, keeping {psi} of its distance: watch the in-between shapes.</source>
        <translation>Chaque code est rapproché du centre du nuage, en gardant {psi} de sa distance&#xa0;: observez les formes intermédiaires.</translation>
    </message>
    <message numerus="yes">
        <source>Latent sliders: the VAE&apos;s %n code dimension(s), decoded live</source>
        <translation>
            <numerusform>Curseurs latents&#xa0;: %n dimension du codage du VAE, décodée en direct</numerusform>
            <numerusform>Curseurs latents&#xa0;: les %n dimensions du codage du VAE, décodées en direct</numerusform>
        </translation>
    </message>
    <message>
        <source>Latent sliders: the first {count} of the {size} noise numbers of sample A, decoded live</source>
        <translation>Curseurs latents&#xa0;: les {count} premières des {size} valeurs de bruit de l&apos;échantillon A, décodées en direct</translation>
    </message>
    <message>
        <source>z[{index}], from −{bound} to +{bound}</source>
        <translation>z[{index}], de −{bound} à +{bound}</translation>
    </message>
    <message>
        <source>there is no grid to save yet</source>
        <translation>il n&apos;y a pas encore de grille à enregistrer</translation>
    </message>
    <message>
        <source>pick two samples first: the strip goes from A to B</source>
        <translation>choisissez d&apos;abord deux échantillons&#xa0;: la bande va de A à B</translation>
    </message>
    <message>
        <source>Save the grid as PNG</source>
        <translation>Enregistrer la grille en PNG</translation>
    </message>
    <message>
        <source>Save the strip as PNG</source>
        <translation>Enregistrer la bande en PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <source>Could not save: {reason}</source>
        <translation>Impossible d&apos;enregistrer&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Saved the grid as {path}.</source>
        <translation>Grille enregistrée sous {path}.</translation>
    </message>
    <message>
        <source>Saved the strip as {path}.</source>
        <translation>Bande enregistrée sous {path}.</translation>
    </message>
    <message>
        <source>No truncation</source>
        <translation>Sans troncature</translation>
    </message>
    <message>
        <source>Toward the mean</source>
        <translation>Vers la moyenne</translation>
    </message>
    <message>
        <source>Toward the nearest mode</source>
        <translation>Vers le mode le plus proche</translation>
    </message>
    <message>
        <source>How the codes are drawn. No truncation: z ~ N(0, I), as in the lecture. Toward the mean: every code is pulled toward 0, the centre of the cloud — for a generator of ten classes, an in-between shape. Toward the nearest mode: toward the centre of the nearest cluster of its images, so codes between two classes move into one of them (multi-modal truncation).</source>
        <translation>Comment les codes sont tirés. Sans troncature&#xa0;: z ~ N(0, I), comme dans le cours. Vers la moyenne&#xa0;: chaque code est rapproché de 0, le centre du nuage — pour un générateur de dix classes, une forme intermédiaire. Vers le mode le plus proche&#xa0;: vers le centre du groupe de ses images le plus proche, si bien que les codes situés entre deux classes rejoignent l&apos;une d&apos;elles (troncature multimodale).</translation>
    </message>
    <message>
        <source>ψ: the share of each code&apos;s distance to its centre that is kept. 1 changes nothing; lower values give cleaner but more alike samples.</source>
        <translation>ψ&#xa0;: la part de la distance de chaque code à son centre qui est conservée. 1 ne change rien&#xa0;; des valeurs plus basses donnent des échantillons plus nets mais plus semblables.</translation>
    </message>
    <message>
        <source>Truncation:</source>
        <translation>Troncature&#xa0;:</translation>
    </message>
    <message>
        <source>Finding this generator&apos;s modes… {percent} %</source>
        <translation>Recherche des modes de ce générateur… {percent} %</translation>
    </message>
    <message>
        <source>⚠ Could not find the modes: {reason}</source>
        <translation>⚠ Impossible de trouver les modes&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>This DCGAN also takes a class code (InfoGAN). No labels were used: while training, it made each code draw something its discriminator can recognise, usually one class. Pick a code to draw only its kind; the judge&apos;s histogram shows which class the model chose for it. Any code: all of them, uniformly.</source>
        <translation>Ce DCGAN prend aussi un code de classe (InfoGAN). Aucune étiquette n&apos;a servi&#xa0;: pendant l&apos;entraînement, il a appris à faire dessiner à chaque code quelque chose que son discriminateur sait reconnaître, le plus souvent une classe. Choisissez un code pour ne dessiner que ce genre d&apos;images&#xa0;; l&apos;histogramme du juge montre quelle classe le modèle lui a attribuée. Tous les codes&#xa0;: chacun, uniformément.</translation>
    </message>
    <message>
        <source>Class code:</source>
        <translation>Code de classe&#xa0;:</translation>
    </message>
    <message>
        <source>Digit {digit}</source>
        <translation>Chiffre {digit}</translation>
    </message>
    <message>
        <source>Any class</source>
        <translation>Toutes les classes</translation>
    </message>
    <message>
        <source>Any code</source>
        <translation>Tous les codes</translation>
    </message>
    <message>
        <source>Code {number}</source>
        <translation>Code {number}</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>Classe&#xa0;:</translation>
    </message>
    <message>
        <source>This DCGAN is conditional: its class code is the dataset&apos;s class, learned from the labelled images (an auxiliary classifier GAN, AC-GAN). Pick a class to draw only that class; the judge says how often it agrees. Any class: all of them, uniformly.</source>
        <translation>Ce DCGAN est conditionnel&#xa0;: son code de classe est la classe du jeu de données, apprise sur les images étiquetées (un GAN à classifieur auxiliaire, AC-GAN). Choisissez une classe pour ne dessiner qu&apos;elle&#xa0;; le juge dit combien de fois il est d&apos;accord. Toutes les classes&#xa0;: chacune, uniformément.</translation>
    </message>
    <message>
        <source>{name} (the judge agrees: {percent} %)</source>
        <translation>{name} (le juge est d&apos;accord&#xa0;: {percent} %)</translation>
    </message>
    <message>
        <source>Code {number}: mostly {name} ({percent} %)</source>
        <translation>Code {number}&#xa0;: surtout {name} ({percent} %)</translation>
    </message>
</context>
<context>
    <name>HintBanner</name>
    <message>
        <source>Dismiss this hint</source>
        <translation>Fermer ce conseil</translation>
    </message>
</context>
<context>
    <name>HistoryExportMenu</name>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>History as CSV…</source>
        <translation>Historique en CSV…</translation>
    </message>
    <message>
        <source>Every logged step and every epoch&apos;s metrics, one row each, with units.</source>
        <translation>Les mesures de chaque étape enregistrée et de chaque époque, une ligne chacune, avec les unités.</translation>
    </message>
    <message>
        <source>Snapshots as animated GIF…</source>
        <translation>Instantanés en GIF animé…</translation>
    </message>
    <message>
        <source>Every recorded grid, one frame each, the epoch written on it.</source>
        <translation>Chaque grille enregistrée, une image chacune, avec l&apos;époque inscrite.</translation>
    </message>
    <message>
        <source>Curves as PNG…</source>
        <translation>Courbes en PNG…</translation>
    </message>
    <message>
        <source>The curves as a picture (1600 px wide).</source>
        <translation>Les courbes en image (1600 px de large).</translation>
    </message>
    <message>
        <source>Curves as SVG…</source>
        <translation>Courbes en SVG…</translation>
    </message>
    <message>
        <source>The curves as a vector drawing (for a report or a slide).</source>
        <translation>Les courbes en dessin vectoriel (pour un rapport ou une diapositive).</translation>
    </message>
    <message>
        <source>Grid shown as PNG…</source>
        <translation>Grille affichée en PNG…</translation>
    </message>
    <message>
        <source>The grid at the snapshot shown, enlarged with sharp pixels.</source>
        <translation>La grille de l&apos;instantané affiché, agrandie avec des pixels nets.</translation>
    </message>
    <message>
        <source>Exported {what} to {path}.</source>
        <translation>Exporté {what} vers {path}.</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}. Nothing was changed; choose a folder you can write to.</source>
        <translation>Impossible d&apos;écrire {path}&#xa0;: {reason}. Rien n&apos;a été modifié&#xa0;; choisissez un dossier où vous pouvez écrire.</translation>
    </message>
    <message>
        <source>Export the history as CSV</source>
        <translation>Exporter l&apos;historique en CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>the history (CSV)</source>
        <translation>l&apos;historique (CSV)</translation>
    </message>
    <message>
        <source>Export the snapshots as an animated GIF</source>
        <translation>Exporter les instantanés en GIF animé</translation>
    </message>
    <message>
        <source>GIF animations (*.gif)</source>
        <translation>Animations GIF (*.gif)</translation>
    </message>
    <message>
        <source>the snapshots (GIF)</source>
        <translation>les instantanés (GIF)</translation>
    </message>
    <message>
        <source>Export the curves as PNG</source>
        <translation>Exporter les courbes en PNG</translation>
    </message>
    <message>
        <source>Export the curves as SVG</source>
        <translation>Exporter les courbes en SVG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>Dessins SVG (*.svg)</translation>
    </message>
    <message>
        <source>the curves</source>
        <translation>les courbes</translation>
    </message>
    <message>
        <source>Grid as PNG</source>
        <translation>Grille en PNG</translation>
    </message>
    <message>
        <source>Enlarge each pixel how many times? ({w} × {h} pixels now; ×{default} makes it {width} pixels wide.)</source>
        <translation>Agrandir chaque pixel combien de fois&#xa0;? ({w} × {h} pixels actuellement&#xa0;; ×{default} donne {width} pixels de large.)</translation>
    </message>
    <message>
        <source>Export the grid as PNG</source>
        <translation>Exporter la grille en PNG</translation>
    </message>
    <message>
        <source>the grid</source>
        <translation>la grille</translation>
    </message>
</context>
<context>
    <name>HistoryMap</name>
    <message>
        <source>A fixed set of validation images placed by their codes (the same projection at every snapshot), coloured by class: scrub to watch the classes separate.</source>
        <translation>Un ensemble fixe d&apos;images de validation placées selon leurs codages (la même projection à chaque instantané), colorées par classe&#xa0;: faites défiler pour voir les classes se séparer.</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>training loss</source>
        <translation>perte d&apos;entraînement</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>perte de validation</translation>
    </message>
    <message>
        <source>rounded accuracy</source>
        <translation>exactitude arrondie</translation>
    </message>
    <message>
        <source>reconstruction</source>
        <translation>reconstruction</translation>
    </message>
    <message>
        <source>Reconstructions or samples appear here once training starts.</source>
        <translation>Les reconstructions ou les échantillons apparaissent ici dès que l&apos;entraînement commence.</translation>
    </message>
    <message>
        <source>A fixed batch, re-drawn several times per epoch: validation images (top row) and their reconstructions (bottom row), or the samples of a fixed noise batch. Scrub the slider below to see it at any earlier snapshot.</source>
        <translation>Un lot fixe, redessiné plusieurs fois par époque&#xa0;: des images de validation (rangée du haut) et leurs reconstructions (rangée du bas), ou les échantillons d&apos;un lot de bruit fixe. Faites glisser le curseur ci-dessous pour le revoir à un instantané antérieur.</translation>
    </message>
    <message>
        <source>Reconstructions</source>
        <translation>Reconstructions</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Échantillons</translation>
    </message>
    <message>
        <source>The VAE both reconstructs and generates: choose which to watch.</source>
        <translation>Le VAE reconstruit et génère à la fois&#xa0;: choisissez ce que vous voulez regarder.</translation>
    </message>
    <message>
        <source>What the model makes</source>
        <translation>Ce que produit le modèle</translation>
    </message>
    <message>
        <source>Latent map</source>
        <translation>Carte latente</translation>
    </message>
    <message>
        <source>Coding units</source>
        <translation>Unités de codage</translation>
    </message>
    <message>
        <source>VAE loss terms</source>
        <translation>Termes de la perte du VAE</translation>
    </message>
    <message>
        <source>Loading the data…</source>
        <translation>Chargement des données…</translation>
    </message>
    <message>
        <source>The slider fills as the run records its snapshots.</source>
        <translation>Le curseur se remplit au fur et à mesure que l&apos;entraînement enregistre ses instantanés.</translation>
    </message>
    <message>
        <source>This run recorded no snapshots.</source>
        <translation>Cet entraînement n&apos;a enregistré aucun instantané.</translation>
    </message>
    <message>
        <source>A GAN has no encoder, so there is no latent map to show.</source>
        <translation>Un GAN n&apos;a pas d&apos;encodeur&#xa0;: il n&apos;y a donc pas de carte latente à montrer.</translation>
    </message>
    <message>
        <source>before training</source>
        <translation>avant l&apos;entraînement</translation>
    </message>
    <message>
        <source>end of epoch {epoch}</source>
        <translation>fin de l&apos;époque {epoch}</translation>
    </message>
    <message>
        <source>during epoch {epoch}</source>
        <translation>pendant l&apos;époque {epoch}</translation>
    </message>
    <message>
        <source>Top rows: validation images · below each: its reconstruction ({when})</source>
        <translation>Rangées du haut&#xa0;: images de validation · sous chacune&#xa0;: sa reconstruction ({when})</translation>
    </message>
    <message>
        <source>Samples of a fixed noise batch ({when})</source>
        <translation>Échantillons d&apos;un lot de bruit fixe ({when})</translation>
    </message>
    <message>
        <source>Before training</source>
        <translation>Avant l&apos;entraînement</translation>
    </message>
    <message>
        <source>Epoch {epoch}</source>
        <translation>Époque {epoch}</translation>
    </message>
    <message>
        <source>{head} · step {step} · snapshot {n} of {count}</source>
        <translation>{head} · étape {step} · instantané {n} sur {count}</translation>
    </message>
</context>
<context>
    <name>HistoryScrubber</name>
    <message>
        <source>Scrub through the run&apos;s snapshots: drag, or use ←/→ (one snapshot), Home/End (first/last) and Page Up/Down.</source>
        <translation>Parcourez les instantanés de l&apos;entraînement&#xa0;: faites glisser, ou utilisez ←/→ (un instantané), Début/Fin (premier/dernier) et Page préc./suiv.</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ Lecture</translation>
    </message>
    <message>
        <source>Play the run&apos;s snapshots as an animation, from here to the end.</source>
        <translation>Jouer les instantanés de l&apos;entraînement en animation, d&apos;ici jusqu&apos;à la fin.</translation>
    </message>
    <message numerus="yes">
        <source>%n snapshot(s)/s</source>
        <translation>
            <numerusform>%n instantané/s</numerusform>
            <numerusform>%n instantanés/s</numerusform>
        </translation>
    </message>
    <message>
        <source>How fast Play goes through the snapshots.</source>
        <translation>À quelle vitesse la lecture parcourt les instantanés.</translation>
    </message>
    <message>
        <source>The snapshot shown: its epoch, step and the metrics recorded then.</source>
        <translation>L&apos;instantané affiché&#xa0;: son époque, son étape et les mesures enregistrées à ce moment.</translation>
    </message>
    <message>
        <source>No run yet: the snapshots of a run appear here as it trains.</source>
        <translation>Pas encore d&apos;entraînement&#xa0;: les instantanés d&apos;un entraînement apparaissent ici au fil de l&apos;apprentissage.</translation>
    </message>
    <message>
        <source>❚❚ Pause</source>
        <translation>❚❚ Pause</translation>
    </message>
    <message>
        <source>Stop the animation here.</source>
        <translation>Arrêter l&apos;animation ici.</translation>
    </message>
</context>
<context>
    <name>ImageGrid</name>
    <message>
        <source>No images yet.</source>
        <translation>Pas encore d&apos;images.</translation>
    </message>
</context>
<context>
    <name>ImportPicturesDialog</name>
    <message>
        <source>Import a folder of pictures</source>
        <translation>Importer un dossier d&apos;images</translation>
    </message>
    <message>
        <source>&lt;b&gt;{folder}&lt;/b&gt;</source>
        <translation>&lt;b&gt;{folder}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>MNIST recipe</source>
        <translation>Recette MNIST</translation>
    </message>
    <message>
        <source>What the Draw page does to a drawing: inverted if dark on light, cropped to the ink, fitted into 20×20 and centred by mass in 28×28. Best for digits or single objects on a plain background.</source>
        <translation>Ce que la page Dessiner fait d&apos;un dessin&#xa0;: inversé s&apos;il est foncé sur clair, recadré sur l&apos;encre, ajusté dans 20×20 et centré par son centre de masse dans 28×28. Idéal pour des chiffres ou des objets isolés sur fond uni.</translation>
    </message>
    <message>
        <source>Plain resize</source>
        <translation>Simple redimensionnement</translation>
    </message>
    <message>
        <source>The whole picture shrunk into 28×28 grey levels, aspect kept, nothing inverted or cropped. For photos and anything that is not a drawing.</source>
        <translation>L&apos;image entière réduite en 28×28 niveaux de gris, proportions gardées, sans inversion ni recadrage. Pour les photos et tout ce qui n&apos;est pas un dessin.</translation>
    </message>
    <message>
        <source>Convert with:</source>
        <translation>Convertir avec&#xa0;:</translation>
    </message>
    <message>
        <source>Reading and converting every picture of the folder.</source>
        <translation>Lecture et conversion de chaque image du dossier.</translation>
    </message>
    <message>
        <source>A sample of the pictures as the model will see them: 28×28 grey levels.</source>
        <translation>Un échantillon des images telles que le modèle les verra&#xa0;: 28×28 niveaux de gris.</translation>
    </message>
    <message>
        <source>How many pictures each class keeps (one class per sub-folder; a flat folder is one class, “unlabelled”).</source>
        <translation>Combien d&apos;images garde chaque classe (une classe par sous-dossier&#xa0;; un dossier sans sous-dossier forme une seule classe, «&#xa0;unlabelled&#xa0;»).</translation>
    </message>
    <message>
        <source>Files that could not be used, each with the reason; they are left out of training.</source>
        <translation>Les fichiers inutilisables, chacun avec la raison&#xa0;; ils sont écartés de l&apos;entraînement.</translation>
    </message>
    <message>
        <source>Use these pictures</source>
        <translation>Utiliser ces images</translation>
    </message>
    <message>
        <source>Make this folder the training data (the Source box lists it).</source>
        <translation>Faire de ce dossier les données d&apos;entraînement (la liste Source le propose).</translation>
    </message>
    <message>
        <source>Reading the pictures…</source>
        <translation>Lecture des images…</translation>
    </message>
    <message>
        <source>No pictures to show.</source>
        <translation>Aucune image à montrer.</translation>
    </message>
    <message>
        <source>&lt;b&gt;This folder cannot be used.&lt;/b&gt; {reason}</source>
        <translation>&lt;b&gt;Ce dossier ne peut pas être utilisé.&lt;/b&gt; {reason}</translation>
    </message>
    <message>
        <source>None of the pictures could be used.</source>
        <translation>Aucune des images n&apos;a pu être utilisée.</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… et %n autre</numerusform>
            <numerusform>… et %n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>{name}: {count}</source>
        <translation>{name}&#xa0;: {count}</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n picture(s) kept&lt;/b&gt; in {classes} classes ({counts}).</source>
        <translation>
            <numerusform>&lt;b&gt;%n image gardée&lt;/b&gt; dans {classes} classes ({counts}).</numerusform>
            <numerusform>&lt;b&gt;%n images gardées&lt;/b&gt; dans {classes} classes ({counts}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n picture(s) kept&lt;/b&gt;, without classes: every picture is “{name}” (fine for autoencoders and GANs; the latent map colours them all alike).</source>
        <translation>
            <numerusform>&lt;b&gt;%n image gardée&lt;/b&gt;, sans classes&#xa0;: chaque image est «&#xa0;{name}&#xa0;» (cela convient aux autoencodeurs et aux GAN&#xa0;; la carte latente les colore toutes pareil).</numerusform>
            <numerusform>&lt;b&gt;%n images gardées&lt;/b&gt;, sans classes&#xa0;: chaque image est «&#xa0;{name}&#xa0;» (cela convient aux autoencodeurs et aux GAN&#xa0;; la carte latente les colore toutes pareil).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) skipped: {reasons}.</source>
        <translation>
            <numerusform>%n fichier écarté&#xa0;: {reasons}.</numerusform>
            <numerusform>%n fichiers écartés&#xa0;: {reasons}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n picture(s) beyond the limit were left out.</source>
        <translation>
            <numerusform>%n image au-delà de la limite a été laissée de côté.</numerusform>
            <numerusform>%n images au-delà de la limite ont été laissées de côté.</numerusform>
        </translation>
    </message>
    <message>
        <source>plain resize</source>
        <translation>simple redimensionnement</translation>
    </message>
    <message>
        <source>Pictures — {folder} ({recipe})</source>
        <translation>Images — {folder} ({recipe})</translation>
    </message>
</context>
<context>
    <name>JudgeCurve</name>
    <message>
        <source>After each epoch the judge (a small classifier trained on real images) reads 1,000 samples of the generator: the judge-FID compares its features of samples and of held-out real images. Lower is better; it is not the Inception-FID of papers, so compare it only with other judge-FIDs. The dashed line is what real images score.</source>
        <translation>Après chaque époque, le juge (un petit classifieur entraîné sur des images réelles) lit 1 000 échantillons du générateur&#xa0;: la FID du juge compare ses caractéristiques des échantillons et d&apos;images réelles mises de côté. Plus bas, c&apos;est mieux&#xa0;; ce n&apos;est pas la FID Inception des articles, ne la comparez donc qu&apos;à d&apos;autres FID du juge. La ligne pointillée est le score des images réelles.</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>époque</translation>
    </message>
    <message>
        <source>judge-FID (log scale)</source>
        <translation>FID du juge (échelle log)</translation>
    </message>
    <message>
        <source>Epoch {epoch}: judge-FID {fid} (comparable only with itself; real vs real {real}), class entropy {entropy}, confident {confident} % (real images {real_confident} %); measured in {ms} ms.</source>
        <translation>Époque {epoch}&#xa0;: FID du juge {fid} (comparable seulement à elle-même&#xa0;; réel contre réel {real}), entropie des classes {entropy}, sûres {confident} % (images réelles {real_confident} %)&#xa0;; mesuré en {ms} ms.</translation>
    </message>
    <message>
        <source>GANs only: the judge&apos;s figures appear after the first epoch.</source>
        <translation>GAN seulement&#xa0;: les chiffres du juge apparaissent après la première époque.</translation>
    </message>
</context>
<context>
    <name>JudgePanel</name>
    <message>
        <source>What the judge sees</source>
        <translation>Ce que voit le juge</translation>
    </message>
    <message>
        <source>A small classifier trained on the real images (the judge) reads every sample: which class it sees, how sure it is, and how its features compare with real images&apos;.</source>
        <translation>Un petit classifieur entraîné sur les images réelles (le juge) lit chaque échantillon&#xa0;: quelle classe il voit, avec quelle certitude, et comment ses caractéristiques se comparent à celles des images réelles.</translation>
    </message>
    <message>
        <source>Bars: the share of each class among the grid&apos;s samples. Black ticks: the share among {count} samples of this generator. Dashed line: a fair share (every class equally often).</source>
        <translation>Barres&#xa0;: la part de chaque classe parmi les échantillons de la grille. Traits noirs&#xa0;: la part parmi {count} échantillons de ce générateur. Ligne pointillée&#xa0;: une part égale (chaque classe aussi souvent).</translation>
    </message>
    <message>
        <source>Class entropy: 1 when every class is drawn equally often, 0 when only one is. Confident: samples the judge gives one class at least 90 % probability. judge-FID: the Fréchet distance between the judge&apos;s features of samples and of held-out real images; it is not the Inception-FID of papers, so compare it only with other judge-FIDs. Real vs real: what real images score at this sample size.</source>
        <translation>Entropie des classes&#xa0;: 1 quand chaque classe est dessinée aussi souvent, 0 quand une seule l&apos;est. Sûres&#xa0;: les échantillons auxquels le juge donne une classe avec au moins 90 % de probabilité. FID du juge&#xa0;: la distance de Fréchet entre les caractéristiques (selon le juge) des échantillons et d&apos;images réelles mises de côté&#xa0;; ce n&apos;est pas la FID Inception des articles, ne la comparez donc qu&apos;à d&apos;autres FID du juge. Réel contre réel&#xa0;: le score des images réelles pour cette taille d&apos;échantillon.</translation>
    </message>
    <message>
        <source>The judge reads the grid…</source>
        <translation>Le juge lit la grille…</translation>
    </message>
    <message>
        <source>The judge reads the grid and {count} samples…</source>
        <translation>Le juge lit la grille et {count} échantillons…</translation>
    </message>
    <message>
        <source>⚠ The judge could not read these samples: {reason}</source>
        <translation>⚠ Le juge n&apos;a pas pu lire ces échantillons&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>No judge for this model: {reason}</source>
        <translation>Pas de juge pour ce modèle&#xa0;: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>Bars: the grid&apos;s %n sample(s); ticks: {count} samples.</source>
        <translation>
            <numerusform>Barres&#xa0;: l&apos;échantillon de la grille (%n)&#xa0;; traits&#xa0;: {count} échantillons.</numerusform>
            <numerusform>Barres&#xa0;: les %n échantillons de la grille&#xa0;; traits&#xa0;: {count} échantillons.</numerusform>
        </translation>
    </message>
    <message>
        <source>Grid: class entropy {entropy}</source>
        <translation>Grille&#xa0;: entropie des classes {entropy}</translation>
    </message>
    <message>
        <source>Class entropy: {value} (real images: {real})</source>
        <translation>Entropie des classes&#xa0;: {value} (images réelles&#xa0;: {real})</translation>
    </message>
    <message>
        <source>Confident: {value} % (real images: {real} %)</source>
        <translation>Sûres&#xa0;: {value} % (images réelles&#xa0;: {real} %)</translation>
    </message>
    <message>
        <source>judge-FID (comparable only with itself): {value}; real vs real: {real}</source>
        <translation>FID du juge (comparable seulement à elle-même)&#xa0;: {value}&#xa0;; réel contre réel&#xa0;: {real}</translation>
    </message>
    <message numerus="yes">
        <source>Grid of %n: class entropy {entropy}</source>
        <translation>
            <numerusform>Grille de %n&#xa0;: entropie des classes {entropy}</numerusform>
            <numerusform>Grille de %n&#xa0;: entropie des classes {entropy}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>&amp;System ({language})</source>
        <translation>Langue du &amp;système ({language})</translation>
    </message>
    <message>
        <source>Follow the language of the computer (when Latent Studio speaks it, else English).</source>
        <translation>Suivre la langue de l&apos;ordinateur (si Latent Studio la parle, sinon l&apos;anglais).</translation>
    </message>
    <message>
        <source>Show Latent Studio in this language: {language}.</source>
        <translation>Afficher Latent Studio dans cette langue&#xa0;: {language}.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Latent Studio will be in {language} the next time it starts.</source>
        <translation>Latent Studio s&apos;affichera dans cette langue au prochain démarrage&#xa0;: {language}.</translation>
    </message>
    <message>
        <source>Restart now? A training run in progress is stopped and saved first.</source>
        <translation>Redémarrer maintenant&#xa0;? Un entraînement en cours est d&apos;abord arrêté et enregistré.</translation>
    </message>
    <message>
        <source>&amp;Restart now</source>
        <translation>&amp;Redémarrer maintenant</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Plus tard</translation>
    </message>
</context>
<context>
    <name>LatentMapPlot</name>
    <message>
        <source>Scroll to zoom, drag to pan. Move the mouse to decode the point under it; click a dot to see its image.</source>
        <translation>Molette pour zoomer, glisser pour se déplacer. Déplacez la souris pour décoder le point qu&apos;elle survole&#xa0;; cliquez sur un point pour voir son image.</translation>
    </message>
    <message>
        <source>t-SNE 1 (no unit: only neighbours count)</source>
        <translation>t-SNE 1 (sans unité&#xa0;: seuls les voisins comptent)</translation>
    </message>
    <message>
        <source>t-SNE 2</source>
        <translation>t-SNE 2</translation>
    </message>
    <message>
        <source>principal component 1 ({share} % of the variance)</source>
        <translation>composante principale 1 ({share} % de la variance)</translation>
    </message>
    <message>
        <source>principal component 2 ({share} % of the variance)</source>
        <translation>composante principale 2 ({share} % de la variance)</translation>
    </message>
</context>
<context>
    <name>LatentPage</name>
    <message>
        <source>The autoencoder whose codes are mapped.</source>
        <translation>L&apos;autoencodeur dont les codages sont cartographiés.</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modèle&#xa0;:</translation>
    </message>
    <message>
        <source>No autoencoder yet: train one on the Train page.</source>
        <translation>Pas encore d&apos;autoencodeur&#xa0;: entraînez-en un sur la page Entraîner.</translation>
    </message>
    <message>
        <source>Loading {name}…</source>
        <translation>Chargement de {name}…</translation>
    </message>
    <message>
        <source>Encoding the held-out images with {name}…</source>
        <translation>Encodage des images mises de côté avec {name}…</translation>
    </message>
    <message>
        <source>⚠ Could not map this model: {reason}</source>
        <translation>⚠ Impossible de cartographier ce modèle&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Laying out the codes of {name} by t-SNE (a few seconds, once for each model); the PCA map is shown meanwhile.</source>
        <translation>Placement des codages de {name} par t-SNE (quelques secondes, une fois pour chaque modèle)&#xa0;; la carte ACP est affichée en attendant.</translation>
    </message>
    <message>
        <source>⚠ The t-SNE map could not be computed ({reason}); the PCA map is shown.</source>
        <translation>⚠ La carte t-SNE n&apos;a pas pu être calculée ({reason})&#xa0;; la carte ACP est affichée.</translation>
    </message>
    <message>
        <source>t-SNE cancelled; the PCA map is shown. Choose t-SNE again to compute it.</source>
        <translation>t-SNE annulé&#xa0;; la carte ACP est affichée. Choisissez de nouveau t-SNE pour la calculer.</translation>
    </message>
    <message>
        <source>the 2-d code itself</source>
        <translation>le codage en 2 dimensions lui-même</translation>
    </message>
    <message>
        <source>its {d}-d codes laid out by t-SNE</source>
        <translation>ses codages en {d} dimensions placés par t-SNE</translation>
    </message>
    <message>
        <source>its {d}-d codes projected by PCA on their 2 main axes ({share} % of the variance)</source>
        <translation>ses codages en {d} dimensions projetés par ACP sur leurs 2 axes principaux ({share} % de la variance)</translation>
    </message>
    <message>
        <source>{what}, placed by {name}: {how}.</source>
        <translation>{what}, placées par {name}&#xa0;: {how}.</translation>
    </message>
</context>
<context>
    <name>LectureGuide</name>
    <message>
        <source>What am I looking at?</source>
        <translation>Qu&apos;est-ce que je regarde&#xa0;?</translation>
    </message>
    <message>
        <source>Your drawing is the input x: it goes through the MNIST recipe (the 28×28 image on the left is exactly what every model receives).</source>
        <extracomment>page key → (the lecture&apos;s section, as the slides title it; three sentences)</extracomment>
        <translation>Votre dessin est l&apos;entrée x&#xa0;: il passe par la recette MNIST (l&apos;image 28×28 à gauche est exactement ce que reçoit chaque modèle).</translation>
    </message>
    <message>
        <source>Each tile is one autoencoder&apos;s reconstruction: its encoder turns x into a short code (the bars under the tiles) and its decoder rebuilds the image from that code alone, as the slides&apos; encoder/decoder figure shows.</source>
        <translation>Chaque vignette est la reconstruction d&apos;un autoencodeur&#xa0;: son encodeur transforme x en un court codage (les barres sous les vignettes) et son décodeur reconstruit l&apos;image à partir de ce seul codage, comme le montre la figure encodeur/décodeur des diapositives.</translation>
    </message>
    <message>
        <source>The noise panel is the denoising autoencoder&apos;s experiment: noise or blanked pixels go in, and the denoiser, trained to remove them, should rebuild the clean digit better than the plain stacked autoencoder.</source>
        <translation>Le panneau de bruit est l&apos;expérience de l&apos;autoencodeur débruiteur&#xa0;: du bruit ou des pixels effacés entrent, et le débruiteur, entraîné à les retirer, devrait reconstruire le chiffre propre mieux que l&apos;autoencodeur empilé simple.</translation>
    </message>
    <message>
        <source>The settings are the lecture&apos;s Keras code: the stacked autoencoder&apos;s SGD with lr 1.5, its binary cross-entropy loss, ten epochs on Fashion-MNIST.</source>
        <translation>Les réglages sont ceux du code Keras du cours&#xa0;: SGD avec un taux d&apos;apprentissage de 1,5 pour l&apos;autoencodeur empilé, la perte d&apos;entropie croisée binaire, dix époques sur Fashion-MNIST.</translation>
    </message>
    <message>
        <source>The curves show the reconstruction loss going down epoch by epoch (training and validation), and the grid shows the validation images above their reconstructions, sharpening as the model learns.</source>
        <translation>Les courbes montrent la perte de reconstruction qui baisse d&apos;époque en époque (entraînement et validation), et la grille montre les images de validation au-dessus de leurs reconstructions, de plus en plus nettes à mesure que le modèle apprend.</translation>
    </message>
    <message>
        <source>For a GAN, each step has the lecture&apos;s two phases: the discriminator learns real from fake (D(x) near 1, D(G(z)) near 0), then the generator learns to fool it; the health line says in words which one is winning.</source>
        <translation>Pour un GAN, chaque étape comporte les deux phases du cours&#xa0;: le discriminateur apprend à distinguer le réel du factice (D(x) proche de 1, D(G(z)) proche de 0), puis le générateur apprend à le tromper&#xa0;; la ligne de santé dit en mots lequel des deux l&apos;emporte.</translation>
    </message>
    <message>
        <source>Each sample is the generator fed with random codings: 30 numbers drawn from a Gaussian (the lecture&apos;s codings_size = 30), or the VAE&apos;s 10-number code.</source>
        <translation>Chaque échantillon est le générateur nourri de codages aléatoires&#xa0;: 30 valeurs tirées d&apos;une gaussienne (codings_size = 30 dans le cours), ou le codage de 10 valeurs du VAE.</translation>
    </message>
    <message>
        <source>The generator never saw a real image: it learnt to draw these from the discriminator&apos;s gradients alone, as the last GAN training slide says.</source>
        <translation>Le générateur n&apos;a jamais vu d&apos;image réelle&#xa0;: il a appris à dessiner celles-ci à partir des seuls gradients du discriminateur, comme le dit la dernière diapositive sur l&apos;entraînement d&apos;un GAN.</translation>
    </message>
    <message>
        <source>The strip between A and B walks in a straight line through the codings space, and the sliders move single coordinates: the images change smoothly because nearby codes give nearby images.</source>
        <translation>La bande entre A et B avance en ligne droite dans l&apos;espace des codages, et les curseurs déplacent une seule coordonnée&#xa0;: les images changent en douceur car des codages proches donnent des images proches.</translation>
    </message>
    <message>
        <source>Each dot is one test image placed by its code, the representation the encoder learnt without ever seeing a label; the colours are the labels, added afterwards.</source>
        <translation>Chaque point est une image de test placée selon son codage, la représentation que l&apos;encodeur a apprise sans jamais voir d&apos;étiquette&#xa0;; les couleurs sont les étiquettes, ajoutées après coup.</translation>
    </message>
    <message>
        <source>Images of the same class land near each other: that clustering is what the lecture means by learning a representation.</source>
        <translation>Les images d&apos;une même classe se retrouvent proches les unes des autres&#xa0;: ce regroupement est ce que le cours appelle apprendre une représentation.</translation>
    </message>
    <message>
        <source>Moving the mouse decodes the point under it with the decoder, and the star is your own drawing&apos;s code, so you see where your digit sits among the others.</source>
        <translation>Déplacer la souris décode le point qui est dessous avec le décodeur, et l&apos;étoile est le codage de votre dessin&#xa0;: vous voyez où se place votre chiffre parmi les autres.</translation>
    </message>
    <message>
        <source>Every model the lecture names is here, trained on MNIST and on Fashion-MNIST: stacked, convolutional, denoising, sparse and variational autoencoders, and the GAN.</source>
        <translation>Tous les modèles que cite le cours sont là, entraînés sur MNIST et sur Fashion-MNIST&#xa0;: autoencodeurs empilé, convolutif, débruiteur, épars et variationnel, et le GAN.</translation>
    </message>
    <message>
        <source>The columns give each run&apos;s story: how it ended, the epochs it trained, and its final validation loss (the binary cross-entropy the lecture minimises).</source>
        <translation>Les colonnes racontent l&apos;histoire de chaque entraînement&#xa0;: comment il s&apos;est terminé, ses époques, et sa perte de validation finale (l&apos;entropie croisée binaire que le cours minimise).</translation>
    </message>
    <message>
        <source>Load puts a model on the page where it belongs, the Generate page for generators and the Draw and Latent space pages for autoencoders.</source>
        <translation>«&#xa0;Charger&#xa0;» place un modèle sur la page qui lui correspond&#xa0;: la page Générer pour les générateurs, les pages Dessiner et Espace latent pour les autoencodeurs.</translation>
    </message>
    <message>
        <source>Your drawing shrunk to 28×28 without the recipe.</source>
        <extracomment>(page key, attribute path) → what the widget shows</extracomment>
        <translation>Votre dessin réduit à 28×28 sans la recette.</translation>
    </message>
    <message>
        <source>The model&apos;s input x: your drawing after the MNIST recipe (cropped, fitted in 20×20, centred by its centre of mass in 28×28).</source>
        <translation>L&apos;entrée x du modèle&#xa0;: votre dessin après la recette MNIST (recadré, ajusté dans 20×20, centré par son centre de masse dans 28×28).</translation>
    </message>
    <message>
        <source>One reconstruction per autoencoder: the decoder&apos;s output from the code of your drawing. The closer to your input, the better the code kept what matters.</source>
        <translation>Une reconstruction par autoencodeur&#xa0;: la sortie du décodeur à partir du codage de votre dessin. Plus elle est proche de votre entrée, mieux le codage a gardé l&apos;essentiel.</translation>
    </message>
    <message>
        <source>The latent code: the numbers the encoder turned your drawing into, one bar each (the stacked autoencoder&apos;s coding layer has 30).</source>
        <translation>Le codage latent&#xa0;: les valeurs en lesquelles l&apos;encodeur a transformé votre dessin, une barre chacune (la couche de codage de l&apos;autoencodeur empilé en a 30).</translation>
    </message>
    <message>
        <source>The corrupted input the two models receive.</source>
        <translation>L&apos;entrée abîmée que reçoivent les deux modèles.</translation>
    </message>
    <message>
        <source>The denoising autoencoder&apos;s reconstruction of the corrupted input.</source>
        <translation>La reconstruction de l&apos;entrée abîmée par l&apos;autoencodeur débruiteur.</translation>
    </message>
    <message>
        <source>A plain stacked autoencoder&apos;s reconstruction of the same corrupted input, for comparison.</source>
        <translation>La reconstruction de la même entrée abîmée par un autoencodeur empilé simple, pour comparer.</translation>
    </message>
    <message>
        <source>The loss along training: the faint line per step, the bold one smoothed, dots per epoch on the validation set. For a GAN: both players&apos; losses and D(x), D(G(z)).</source>
        <translation>La perte au fil de l&apos;entraînement&#xa0;: la ligne pâle à chaque étape, la ligne épaisse lissée, des points à chaque époque sur le jeu de validation. Pour un GAN&#xa0;: les pertes des deux joueurs et D(x), D(G(z)).</translation>
    </message>
    <message>
        <source>A fixed batch: validation images above their reconstructions, or the samples a GAN draws from fixed noise, redrawn as training goes.</source>
        <translation>Un lot fixe&#xa0;: des images de validation au-dessus de leurs reconstructions, ou les échantillons qu&apos;un GAN tire d&apos;un bruit fixe, redessinés au fil de l&apos;entraînement.</translation>
    </message>
    <message>
        <source>Images the generator drew from random codings z ~ N(0, I), one per tile.</source>
        <translation>Images dessinées par le générateur à partir de codages aléatoires z ~ N(0, I), une par vignette.</translation>
    </message>
    <message>
        <source>The decoded images along the path from z_A to z_B, A on the left, B on the right.</source>
        <translation>Les images décodées le long du chemin de z_A à z_B, A à gauche, B à droite.</translation>
    </message>
    <message>
        <source>The image decoded from the code the sliders set.</source>
        <translation>L&apos;image décodée à partir du codage fixé par les curseurs.</translation>
    </message>
    <message>
        <source>Each dot: one test image placed by its 2-D code (or the codes projected to 2-D), coloured by its class. The star: your drawing.</source>
        <translation>Chaque point&#xa0;: une image de test placée selon son codage en 2 D (ou ses codages projetés en 2 D), colorée selon sa classe. L&apos;étoile&#xa0;: votre dessin.</translation>
    </message>
    <message>
        <source>The decoder&apos;s image of the point under the mouse.</source>
        <translation>L&apos;image que le décodeur tire du point sous la souris.</translation>
    </message>
    <message>
        <source>This autoencoder&apos;s reconstruction of your drawing: its decoder&apos;s output from the code its encoder made. The closer to the input, the more the code kept.</source>
        <extracomment>one reconstruction tile of the Draw page (tiles are rebuilt when the dataset changes: they add it themselves)</extracomment>
        <translation>La reconstruction de votre dessin par cet autoencodeur&#xa0;: la sortie de son décodeur à partir du codage fait par son encodeur. Plus elle est proche de l&apos;entrée, plus le codage a gardé d&apos;information.</translation>
    </message>
    <message>
        <source>A 28×28 grey image, each square one pixel as a model sees it.</source>
        <extracomment>the widget&apos;s class name → what it shows, for plots and grids the table above does not name</extracomment>
        <translation>Une image 28×28 en niveaux de gris, chaque carré est un pixel tel que le voit un modèle.</translation>
    </message>
    <message>
        <source>Images a model drew, one per tile.</source>
        <translation>Des images dessinées par un modèle, une par vignette.</translation>
    </message>
    <message>
        <source>A batch of 28×28 images, one per tile.</source>
        <translation>Un lot d&apos;images 28×28, une par vignette.</translation>
    </message>
    <message>
        <source>A plot of values recorded from a model.</source>
        <translation>Un graphique de valeurs enregistrées sur un modèle.</translation>
    </message>
    <message>
        <source>The loss along training.</source>
        <translation>La perte au fil de l&apos;entraînement.</translation>
    </message>
    <message>
        <source>The latent code, one bar per number.</source>
        <translation>Le codage latent, une barre par valeur.</translation>
    </message>
    <message>
        <source>Plots of values recorded during training.</source>
        <translation>Des graphiques de valeurs enregistrées pendant l&apos;entraînement.</translation>
    </message>
    <message>
        <source>The lecture in the app</source>
        <translation>Le cours dans l&apos;application</translation>
    </message>
    <message>
        <source>In the lecture:</source>
        <translation>Dans le cours&#xa0;:</translation>
    </message>
    <message>
        <source>Show this page</source>
        <translation>Afficher cette page</translation>
    </message>
</context>
<context>
    <name>LiveMap</name>
    <message>
        <source>Where your drawing lands among the held-out images, as the chosen model codes them (the first two principal axes of its codes). The ★ follows your stroke; the line is where it has been. The Latent space page shows the same map, bigger.</source>
        <translation>Où tombe votre dessin parmi les images mises de côté, selon les codages du modèle choisi (les deux premiers axes principaux de ses codages). L&apos;★ suit votre trait&#xa0;; la ligne montre où elle est passée. La page Espace latent montre la même carte, en plus grand.</translation>
    </message>
    <message>
        <source>Pick a model: its latent map appears here.</source>
        <translation>Choisissez un modèle&#xa0;: sa carte latente apparaît ici.</translation>
    </message>
    <message>
        <source>Placing the held-out images on the map…</source>
        <translation>Placement des images mises de côté sur la carte…</translation>
    </message>
    <message>
        <source>No map for this model: {reason}</source>
        <translation>Pas de carte pour ce modèle&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>{description}; colours are classes.</source>
        <translation>{description}&#xa0;; les couleurs sont les classes.</translation>
    </message>
</context>
<context>
    <name>LoadingPage</name>
    <message>
        <source>&lt;h2&gt;{title}&lt;/h2&gt;&lt;p&gt;Loading the engine…&lt;/p&gt;</source>
        <translation>&lt;h2&gt;{title}&lt;/h2&gt;&lt;p&gt;Chargement du moteur…&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <source>training loss</source>
        <translation>perte d&apos;entraînement</translation>
    </message>
    <message>
        <source>validation loss (per epoch)</source>
        <translation>perte de validation (par époque)</translation>
    </message>
    <message>
        <source>Loss_D (discriminator)</source>
        <translation>Loss_D (discriminateur)</translation>
    </message>
    <message>
        <source>Loss_G (generator)</source>
        <translation>Loss_G (générateur)</translation>
    </message>
    <message>
        <source>Loss_Q (class codes)</source>
        <translation>Loss_Q (codes de classe)</translation>
    </message>
    <message>
        <source>D(x): D&apos;s score for real images</source>
        <translation>D(x)&#xa0;: score de D pour les images réelles</translation>
    </message>
    <message>
        <source>D(G(z)): D&apos;s score for fakes</source>
        <translation>D(G(z))&#xa0;: score de D pour les images factices</translation>
    </message>
    <message>
        <source>loss (BCE)</source>
        <translation>perte (BCE)</translation>
    </message>
    <message>
        <source>D&apos;s output</source>
        <translation>sortie de D</translation>
    </message>
    <message>
        <source>training loss (each step)</source>
        <translation>perte d&apos;entraînement (chaque étape)</translation>
    </message>
    <message>
        <source>training loss (smoothed)</source>
        <translation>perte d&apos;entraînement (lissée)</translation>
    </message>
    <message>
        <source>training step</source>
        <translation>étape d&apos;entraînement</translation>
    </message>
    <message>
        <source>continued</source>
        <translation>reprise</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Latent Studio models (*.safetensors)</source>
        <translation>Modèles Latent Studio (*.safetensors)</translation>
    </message>
    <message>
        <source>The app&apos;s pages (Ctrl+1 … Ctrl+5).</source>
        <translation>Les pages de l&apos;application (Ctrl+1 … Ctrl+5).</translation>
    </message>
    <message>
        <source>{summary} (Ctrl+{number})</source>
        <translation>{summary} (Ctrl+{number})</translation>
    </message>
    <message>
        <source>Draw a digit with the mouse: every autoencoder rebuilds it, live, stroke by stroke.</source>
        <translation>Dessinez un chiffre à la souris&#xa0;: chaque autoencodeur le reconstruit, en direct, trait après trait.</translation>
    </message>
    <message>
        <source>Loading the engine…</source>
        <translation>Chargement du moteur…</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>Prêt.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Open model…</source>
        <translation>&amp;Ouvrir un modèle…</translation>
    </message>
    <message>
        <source>Open a .safetensors model trained by Latent Studio.</source>
        <translation>Ouvrir un modèle .safetensors entraîné par Latent Studio.</translation>
    </message>
    <message>
        <source>&amp;Save model as…</source>
        <translation>&amp;Enregistrer le modèle sous…</translation>
    </message>
    <message>
        <source>Save a copy of the model you last trained (or opened).</source>
        <translation>Enregistrer une copie du dernier modèle entraîné (ou ouvert).</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Stop any run, save it and quit.</source>
        <translation>Arrêter l&apos;entraînement en cours, l&apos;enregistrer et quitter.</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>Compact side &amp;bar</source>
        <translation>&amp;Barre latérale compacte</translation>
    </message>
    <message>
        <source>Show the side bar&apos;s icons only, for more room on a small screen.</source>
        <translation>N&apos;afficher que les icônes de la barre latérale, pour plus de place sur un petit écran.</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>The &amp;lecture in the app</source>
        <translation>Le &amp;cours dans l&apos;application</translation>
    </message>
    <message>
        <source>For each page: what it shows, and which part of the lecture it is.</source>
        <translation>Pour chaque page&#xa0;: ce qu&apos;elle montre, et à quelle partie du cours elle correspond.</translation>
    </message>
    <message>
        <source>&amp;About {app}</source>
        <translation>À &amp;propos de {app}</translation>
    </message>
    <message>
        <source>Credits and licences.</source>
        <translation>Crédits et licences.</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <source>Qt&apos;s version and licence.</source>
        <translation>La version et la licence de Qt.</translation>
    </message>
    <message>
        <source>Open a model</source>
        <translation>Ouvrir un modèle</translation>
    </message>
    <message>
        <source>Cannot open this model</source>
        <translation>Impossible d&apos;ouvrir ce modèle</translation>
    </message>
    <message>
        <source>Opened {name} ({family}, {dataset}).</source>
        <translation>{name} ouvert ({family}, {dataset}).</translation>
    </message>
    <message>
        <source>Nothing to save yet: train a model or open one first.</source>
        <translation>Rien à enregistrer pour l&apos;instant&#xa0;: entraînez ou ouvrez d&apos;abord un modèle.</translation>
    </message>
    <message>
        <source>Save the model as</source>
        <translation>Enregistrer le modèle sous</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}</source>
        <translation>Impossible d&apos;écrire {path}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Cannot save the model</source>
        <translation>Impossible d&apos;enregistrer le modèle</translation>
    </message>
    <message>
        <source>Saved a copy as {path}.</source>
        <translation>Copie enregistrée sous {path}.</translation>
    </message>
    <message>
        <source>Closing stops it after the current step and saves the model trained so far.</source>
        <translation>Fermer l&apos;arrête après l&apos;étape en cours et enregistre le modèle entraîné jusque-là.</translation>
    </message>
    <message>
        <source>Stop and save</source>
        <translation>Arrêter et enregistrer</translation>
    </message>
    <message>
        <source>Stop the run, save its model and close the window.</source>
        <translation>Arrêter l&apos;entraînement, enregistrer son modèle et fermer la fenêtre.</translation>
    </message>
    <message>
        <source>Keep the window open and the run going.</source>
        <translation>Garder la fenêtre ouverte et l&apos;entraînement en cours.</translation>
    </message>
    <message>
        <source>Closing: stopping and saving the run…</source>
        <translation>Fermeture&#xa0;: arrêt et enregistrement de l&apos;entraînement…</translation>
    </message>
    <message>
        <source>A run is still saving; please try again in a moment.</source>
        <translation>Un entraînement est encore en cours d&apos;enregistrement&#xa0;; réessayez dans un instant.</translation>
    </message>
</context>
<context>
    <name>ModelInputPanel</name>
    <message>
        <source>What the model sees (28×28)</source>
        <translation>Ce que voit le modèle (28×28)</translation>
    </message>
    <message>
        <source>Nothing drawn yet</source>
        <translation>Rien de dessiné</translation>
    </message>
    <message>
        <source>The whole canvas squashed to 28×28: what a model would get without the recipe.</source>
        <translation>Tout le canevas écrasé en 28×28&#xa0;: ce qu&apos;un modèle recevrait sans la recette.</translation>
    </message>
    <message>
        <source>The MNIST recipe: inverted if dark-on-light, cropped to the ink, fitted in 20×20 keeping its aspect with its brightest pixel full white, centred by its centre of mass in 28×28.</source>
        <translation>La recette MNIST&#xa0;: inversé s&apos;il est foncé sur clair, recadré sur l&apos;encre, ajusté dans 20×20 en gardant ses proportions et avec son pixel le plus clair en blanc pur, centré par son centre de masse dans 28×28.</translation>
    </message>
    <message>
        <source>Feed the models the raw input (no recipe)</source>
        <translation>Entrée brute pour les modèles (sans recette)</translation>
    </message>
    <message>
        <source>Compare: draw a small digit in a corner and watch the reconstructions fall apart without the recipe. Models only know centred, 20×20 digits.</source>
        <translation>Comparez&#xa0;: dessinez un petit chiffre dans un coin et regardez les reconstructions se dégrader sans la recette. Les modèles ne connaissent que des chiffres centrés de 20×20.</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>Brute</translation>
    </message>
    <message>
        <source>Processed (MNIST recipe)</source>
        <translation>Traitée (recette MNIST)</translation>
    </message>
    <message>
        <source>Draw a digit: its 28×28 version appears here.</source>
        <translation>Dessinez un chiffre&#xa0;: sa version 28×28 apparaît ici.</translation>
    </message>
    <message>
        <source>ink box {width}×{height} px → fitted to {fit_width}×{fit_height} → centre of mass moved by ({dx}, {dy}) px</source>
        <translation>cadre de l&apos;encre {width}×{height} px → ajusté à {fit_width}×{fit_height} → centre de masse déplacé de ({dx}&#xa0;; {dy}) px</translation>
    </message>
    <message>
        <source>Inverted (dark on light) · {steps}</source>
        <translation>Inversé (foncé sur clair) · {steps}</translation>
    </message>
</context>
<context>
    <name>ModelLibrary</name>
    <message>
        <source>Stacked AE</source>
        <translation>AE empilé</translation>
    </message>
    <message>
        <source>Conv AE</source>
        <translation>AE convolutif</translation>
    </message>
    <message>
        <source>Denoising AE (dropout 0.5)</source>
        <translation>AE débruiteur (dropout 0,5)</translation>
    </message>
    <message>
        <source>Denoising AE (Gaussian σ 0.2)</source>
        <translation>AE débruiteur (gaussien σ 0,2)</translation>
    </message>
    <message>
        <source>Sparse AE (KL 0.1)</source>
        <translation>AE épars (KL 0,1)</translation>
    </message>
    <message>
        <source>Variational AE</source>
        <translation>AE variationnel</translation>
    </message>
    <message>
        <source>Variational AE (2-D)</source>
        <translation>AE variationnel (2 D)</translation>
    </message>
    <message>
        <source>GAN</source>
        <translation>GAN</translation>
    </message>
    <message>
        <source>DCGAN</source>
        <translation>DCGAN</translation>
    </message>
    <message>
        <source>could not copy it into {folder}: {reason}</source>
        <translation>impossible de le copier dans {folder}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>could not write {path}: {reason}</source>
        <translation>impossible d&apos;écrire {path}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>{name} cannot be listed</source>
        <translation>{name} ne peut pas être listé</translation>
    </message>
    <message>
        <source>{name} ships with the app and is read-only; export a copy to rename it</source>
        <translation>{name} est fourni avec l&apos;application et en lecture seule&#xa0;; exportez-en une copie pour le renommer</translation>
    </message>
    <message>
        <source>a model needs a name</source>
        <translation>un modèle a besoin d&apos;un nom</translation>
    </message>
    <message>
        <source>{name} ships with the app and cannot be deleted</source>
        <translation>{name} est fourni avec l&apos;application et ne peut pas être supprimé</translation>
    </message>
    <message>
        <source>could not delete {name}: {reason}</source>
        <translation>impossible de supprimer {name}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>that is the model&apos;s own file; choose another place</source>
        <translation>c&apos;est le fichier du modèle lui-même&#xa0;; choisissez un autre emplacement</translation>
    </message>
</context>
<context>
    <name>ModelsPage</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Famille</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Jeu de données</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Époques</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Validation</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé le</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>perte</translation>
    </message>
    <message>
        <source>rounded accuracy</source>
        <translation>exactitude arrondie</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>époques</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>taille de lot</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>taux d&apos;apprentissage</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>optimiseur</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>graine</translation>
    </message>
    <message>
        <source>Latent Studio models (*.safetensors);;All files (*)</source>
        <translation>Modèles Latent Studio (*.safetensors);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>loss {value}</source>
        <translation>perte {value}</translation>
    </message>
    <message>
        <source>acc. {value}</source>
        <translation>exact. {value}</translation>
    </message>
    <message>
        <source>{speed} images/s</source>
        <translation>{speed} images/s</translation>
    </message>
    <message>
        <source>trained in {seconds} s</source>
        <translation>entraîné en {seconds} s</translation>
    </message>
    <message>
        <source>Filter: name, family or dataset…</source>
        <translation>Filtrer&#xa0;: nom, famille ou jeu de données…</translation>
    </message>
    <message>
        <source>Show only the models of one family.</source>
        <translation>N&apos;afficher que les modèles d&apos;une famille.</translation>
    </message>
    <message>
        <source>Show only the models trained on one dataset.</source>
        <translation>N&apos;afficher que les modèles entraînés sur un jeu de données.</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Charger</translation>
    </message>
    <message>
        <source>Make this the current model (Enter).</source>
        <translation>En faire le modèle courant (Entrée).</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Renommer…</translation>
    </message>
    <message>
        <source>Change the name of one of your models (F2).</source>
        <translation>Changer le nom d&apos;un de vos modèles (F2).</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete one of your models (Delete). Shipped models are read-only.</source>
        <translation>Supprimer un de vos modèles (Suppr). Les modèles fournis sont en lecture seule.</translation>
    </message>
    <message>
        <source>Export a copy…</source>
        <translation>Exporter une copie…</translation>
    </message>
    <message>
        <source>Save a copy of the model&apos;s file anywhere, e.g. to share it.</source>
        <translation>Enregistrer une copie du fichier du modèle où vous voulez, par exemple pour le partager.</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importer…</translation>
    </message>
    <message>
        <source>Add a .safetensors model file (checked before it is copied; pickle files are refused).</source>
        <translation>Ajouter un fichier de modèle .safetensors (vérifié avant d&apos;être copié&#xa0;; les fichiers pickle sont refusés).</translation>
    </message>
    <message>
        <source>Your runs whose loss became infinite or NaN: their models only draw noise. Asks before deleting.</source>
        <translation>Vos entraînements dont la perte est devenue infinie ou NaN&#xa0;: leurs modèles ne dessinent que du bruit. Demande confirmation avant de supprimer.</translation>
    </message>
    <message>
        <source>Files in your models folder that Latent Studio cannot read, and why. They are left as they are; delete or replace them.</source>
        <translation>Les fichiers de votre dossier de modèles que Latent Studio ne sait pas lire, et pourquoi. Ils sont laissés tels quels&#xa0;; supprimez-les ou remplacez-les.</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} Mo</translation>
    </message>
    <message>
        <source>shipped (read-only)</source>
        <translation>fourni (lecture seule)</translation>
    </message>
    <message>
        <source>yours</source>
        <translation>le vôtre</translation>
    </message>
    <message numerus="yes">
        <source>Delete diverged runs (%n)…</source>
        <translation>
            <numerusform>Supprimer les entraînements divergents (%n)…</numerusform>
            <numerusform>Supprimer les entraînements divergents (%n)…</numerusform>
        </translation>
    </message>
    <message>
        <source>{name} — {reason}</source>
        <translation>{name} — {reason}</translation>
    </message>
    <message numerus="yes">
        <source>Unreadable files (%n), not listed above:</source>
        <translation>
            <numerusform>Fichier illisible (%n), absent de la liste ci-dessus&#xa0;:</numerusform>
            <numerusform>Fichiers illisibles (%n), absents de la liste ci-dessus&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>All families</source>
        <translation>Toutes les familles</translation>
    </message>
    <message>
        <source>All datasets</source>
        <translation>Tous les jeux de données</translation>
    </message>
    <message>
        <source>Delete the diverged runs</source>
        <translation>Supprimer les entraînements divergents</translation>
    </message>
    <message numerus="yes">
        <source>Delete these %n run(s)? Their loss became infinite or NaN, so they only draw noise.</source>
        <translation>
            <numerusform>Supprimer %n entraînement&#xa0;? Sa perte est devenue infinie ou NaN&#xa0;: il ne dessine que du bruit.</numerusform>
            <numerusform>Supprimer ces %n entraînements&#xa0;? Leur perte est devenue infinie ou NaN&#xa0;: ils ne dessinent que du bruit.</numerusform>
        </translation>
    </message>
    <message>
        <source>This cannot be undone.</source>
        <translation>Cette action est définitive.</translation>
    </message>
    <message>
        <source>Could not delete: {reason}</source>
        <translation>Impossible de supprimer&#xa0;: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n diverged run(s).</source>
        <translation>
            <numerusform>%n entraînement divergent supprimé.</numerusform>
            <numerusform>%n entraînements divergents supprimés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Shipped models are read-only: export a copy to rename it.</source>
        <translation>Les modèles fournis sont en lecture seule&#xa0;: exportez-en une copie pour la renommer.</translation>
    </message>
    <message>
        <source>&lt;i&gt;Select a model to see how it was made.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Choisissez un modèle pour voir comment il a été fait.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>{label}: {value}</source>
        <translation>{label}&#xa0;: {value}</translation>
    </message>
    <message>
        <source>Story</source>
        <translation>Histoire</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Données</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Entraînement</translation>
    </message>
    <message>
        <source>augmented images</source>
        <translation>images augmentées</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>the lecture&apos;s architecture, no options</source>
        <translation>l&apos;architecture du cours, sans option</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Mesures</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>{dataset}, {source}: {train} training and {val} validation images</source>
        <translation>{dataset}, {source}&#xa0;: {train} images d&apos;entraînement et {val} de validation</translation>
    </message>
    <message>
        <source>the Generate page</source>
        <translation>la page Générer</translation>
    </message>
    <message>
        <source>the Draw page (highlighted)</source>
        <translation>la page Dessiner (mis en évidence)</translation>
    </message>
    <message>
        <source>the Latent space page&apos;s map</source>
        <translation>la carte de la page Espace latent</translation>
    </message>
    <message>
        <source>{name} is now the current model on {where}.</source>
        <translation>{name} est maintenant le modèle courant sur {where}.</translation>
    </message>
    <message>
        <source>Go to the Generate page →</source>
        <translation>Aller à la page Générer →</translation>
    </message>
    <message>
        <source>Go to the Draw page →</source>
        <translation>Aller à la page Dessiner →</translation>
    </message>
    <message>
        <source>Go to the Latent space page →</source>
        <translation>Aller à la page Espace latent →</translation>
    </message>
    <message>
        <source>Show the page where {name} now is.</source>
        <translation>Afficher la page où se trouve maintenant {name}.</translation>
    </message>
    <message>
        <source>{name} is now the current model.</source>
        <translation>{name} est maintenant le modèle courant.</translation>
    </message>
    <message>
        <source>{name} ships with the app and is read-only; export a copy to rename it.</source>
        <translation>{name} est fourni avec l&apos;application et en lecture seule&#xa0;; exportez-en une copie pour le renommer.</translation>
    </message>
    <message>
        <source>Rename the model</source>
        <translation>Renommer le modèle</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Nouveau nom&#xa0;:</translation>
    </message>
    <message>
        <source>Could not rename: {reason}</source>
        <translation>Impossible de renommer&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Renamed to {name}.</source>
        <translation>Renommé en {name}.</translation>
    </message>
    <message>
        <source>{name} ships with the app and cannot be deleted.</source>
        <translation>{name} est fourni avec l&apos;application et ne peut pas être supprimé.</translation>
    </message>
    <message>
        <source>Delete the model</source>
        <translation>Supprimer le modèle</translation>
    </message>
    <message>
        <source>Delete {name}?
{path}

This cannot be undone.</source>
        <translation>Supprimer {name}&#xa0;?
{path}

Cette action est définitive.</translation>
    </message>
    <message>
        <source>Deleted {name}.</source>
        <translation>{name} supprimé.</translation>
    </message>
    <message>
        <source>Export a copy</source>
        <translation>Exporter une copie</translation>
    </message>
    <message>
        <source>Could not export: {reason}</source>
        <translation>Impossible d&apos;exporter&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Exported a copy of {name} to {path}.</source>
        <translation>Copie de {name} exportée vers {path}.</translation>
    </message>
    <message>
        <source>Import a model</source>
        <translation>Importer un modèle</translation>
    </message>
    <message>
        <source>Refused {name}: Latent Studio only opens .safetensors checkpoints, never pickle or framework files (they can run code when loaded).</source>
        <translation>{name} refusé&#xa0;: Latent Studio n&apos;ouvre que des points de sauvegarde .safetensors, jamais de fichiers pickle ou propres à un framework (ils peuvent exécuter du code à l&apos;ouverture).</translation>
    </message>
    <message>
        <source>Refused {name}: {reason}</source>
        <translation>{name} refusé&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Imported {name} ({family}, {dataset}) into your models.</source>
        <translation>{name} ({family}, {dataset}) importé dans vos modèles.</translation>
    </message>
</context>
<context>
    <name>NoisePanel</name>
    <message>
        <source>Noise: does the denoising autoencoder clean it better?</source>
        <translation>Bruit&#xa0;: l&apos;autoencodeur débruiteur le nettoie-t-il mieux&#xa0;?</translation>
    </message>
    <message>
        <source>Gaussian noise added to every pixel (σ, in grey levels 0–1). The Gaussian denoiser was trained with σ = 0.2.</source>
        <translation>Bruit gaussien ajouté à chaque pixel (σ, en niveaux de gris 0–1). Le débruiteur gaussien a été entraîné avec σ = 0,2.</translation>
    </message>
    <message>
        <source>Fraction of pixels switched off at random. The dropout denoiser was trained with a rate of 0.5.</source>
        <translation>Part des pixels éteints au hasard. Le débruiteur à dropout a été entraîné avec un taux de 0,5.</translation>
    </message>
    <message>
        <source>New noise</source>
        <translation>Nouveau bruit</translation>
    </message>
    <message>
        <source>Draw new random noise (N).</source>
        <translation>Tirer un nouveau bruit aléatoire (N).</translation>
    </message>
    <message>
        <source>Reset blanks</source>
        <translation>Effacer les trous</translation>
    </message>
    <message>
        <source>Remove the pixels you blanked on the noisy input.</source>
        <translation>Retirer les pixels que vous avez effacés sur l&apos;entrée bruitée.</translation>
    </message>
    <message>
        <source>The denoising autoencoder to compare with the plain (stacked) one.</source>
        <translation>L&apos;autoencodeur débruiteur à comparer avec l&apos;autoencodeur simple (empilé).</translation>
    </message>
    <message>
        <source>No input</source>
        <translation>Pas d&apos;entrée</translation>
    </message>
    <message>
        <source>The corrupted input. Paint on it to blank pixels (an eraser that punches holes): the denoiser should fill them in.</source>
        <translation>L&apos;entrée abîmée. Peignez dessus pour effacer des pixels (une gomme qui fait des trous)&#xa0;: le débruiteur devrait les combler.</translation>
    </message>
    <message>
        <source>No denoising autoencoder</source>
        <translation>Pas d&apos;autoencodeur débruiteur</translation>
    </message>
    <message>
        <source>No plain autoencoder</source>
        <translation>Pas d&apos;autoencodeur simple</translation>
    </message>
    <message>
        <source>Gaussian σ</source>
        <translation>σ gaussien</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <source>Denoiser:</source>
        <translation>Débruiteur&#xa0;:</translation>
    </message>
    <message>
        <source>Noisy input (paint to blank)</source>
        <translation>Entrée bruitée (peindre pour effacer)</translation>
    </message>
    <message>
        <source>Denoising AE</source>
        <translation>AE débruiteur</translation>
    </message>
    <message>
        <source>Plain AE (stacked)</source>
        <translation>AE simple (empilé)</translation>
    </message>
    <message>
        <source>PSNR {psnr} dB</source>
        <translation>PSNR {psnr} dB</translation>
    </message>
</context>
<context>
    <name>PageLoadError</name>
    <message>
        <source>&lt;p&gt;{summary}&lt;/p&gt;&lt;p&gt;&lt;i&gt;This page could not be loaded — {reason}&lt;/i&gt;&lt;/p&gt;&lt;p&gt;Reinstalling Latent Studio usually mends this; the other pages work as usual.&lt;/p&gt;</source>
        <translation>&lt;p&gt;{summary}&lt;/p&gt;&lt;p&gt;&lt;i&gt;Cette page n&apos;a pas pu être chargée — {reason}&lt;/i&gt;&lt;/p&gt;&lt;p&gt;Réinstaller Latent Studio règle en général le problème&#xa0;; les autres pages fonctionnent normalement.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>PageSpec</name>
    <message>
        <source>Draw</source>
        <translation>Dessiner</translation>
    </message>
    <message>
        <source>Draw a digit or a piece of clothing with the mouse and watch every autoencoder rebuild it, live; add noise and see the denoising autoencoder clean it.</source>
        <translation>Dessinez un chiffre ou un vêtement à la souris et regardez chaque autoencodeur le reconstruire, en direct&#xa0;; ajoutez du bruit et voyez l&apos;autoencodeur débruiteur le nettoyer.</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Entraîner</translation>
    </message>
    <message>
        <source>Pick a model and a dataset, press Start, and watch the loss curves and the reconstructions or samples improve.</source>
        <translation>Choisissez un modèle et un jeu de données, appuyez sur Démarrer, et regardez s&apos;améliorer les courbes de perte et les reconstructions ou les échantillons.</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Générer</translation>
    </message>
    <message>
        <source>Sample the GAN, the DCGAN and the VAE; interpolate between two samples; move the VAE&apos;s latent sliders.</source>
        <translation>Échantillonnez le GAN, le DCGAN et le VAE&#xa0;; interpolez entre deux échantillons&#xa0;; déplacez les curseurs latents du VAE.</translation>
    </message>
    <message>
        <source>Latent space</source>
        <translation>Espace latent</translation>
    </message>
    <message>
        <source>Every test image placed by its code and coloured by class; hover the map to decode the point under the mouse.</source>
        <translation>Chaque image de test placée selon son codage et colorée par classe&#xa0;; survolez la carte pour décoder le point sous la souris.</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>Every model shipped with the app or trained by you: load, rename, delete, export, import.</source>
        <translation>Tous les modèles fournis avec l&apos;application ou entraînés par vous&#xa0;: charger, renommer, supprimer, exporter, importer.</translation>
    </message>
</context>
<context>
    <name>PhaseReadout</name>
    <message>
        <source>D&apos;s average score for a fixed batch of real images, D(x), and for the fixed noise batch&apos;s fakes, D(G(z)), just before and just after the single step. The sample grid below is redrawn after each step, and the curves mark it: ▲ a D step, ◆ a G step.</source>
        <translation>Le score moyen de D pour un lot fixe d&apos;images réelles, D(x), et pour les images factices du lot de bruit fixe, D(G(z)), juste avant et juste après l&apos;étape isolée. La grille d&apos;échantillons ci-dessous est redessinée après chaque étape, et les courbes la marquent&#xa0;: ▲ une étape de D, ◆ une étape de G.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Train D only&lt;/b&gt; ▲ (step {n}): the discriminator learnt, the generator did not.</source>
        <translation>&lt;b&gt;Entraîner D&lt;/b&gt; ▲ (étape {n})&#xa0;: seul le discriminateur a appris, pas le générateur.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Train G only&lt;/b&gt; ◆ (step {n}): the generator learnt, through a frozen discriminator.</source>
        <translation>&lt;b&gt;Entraîner G&lt;/b&gt; ◆ (étape {n})&#xa0;: seul le générateur a appris, à travers un discriminateur figé.</translation>
    </message>
    <message>
        <source>D(x) {real_before} → {real_after} · D(G(z)) {fake_before} → {fake_after}.</source>
        <translation>D(x) {real_before} → {real_after} · D(G(z)) {fake_before} → {fake_after}.</translation>
    </message>
    <message>
        <source>D now tells real from fake a little better.</source>
        <translation>D distingue maintenant un peu mieux le réel du factice.</translation>
    </message>
    <message>
        <source>This batch did not make D better on the probe: steps are noisy, try another.</source>
        <translation>Ce lot n&apos;a pas amélioré D sur le lot témoin&#xa0;: les étapes sont bruitées, essayez-en une autre.</translation>
    </message>
    <message>
        <source>The fakes now fool D a little more.</source>
        <translation>Les images factices trompent maintenant D un peu plus.</translation>
    </message>
    <message>
        <source>The fakes did not fool D more on the probe this time: try another step.</source>
        <translation>Les images factices n&apos;ont pas davantage trompé D sur le lot témoin cette fois&#xa0;: essayez une autre étape.</translation>
    </message>
</context>
<context>
    <name>ProjectionBar</name>
    <message>
        <source>Decoded manifold</source>
        <translation>Variété décodée</translation>
    </message>
    <message>
        <source>t-SNE %p %</source>
        <translation>t-SNE %p %</translation>
    </message>
    <message>
        <source>t-SNE lays out the codes; the PCA map is shown meanwhile.</source>
        <translation>t-SNE place les codages&#xa0;; la carte ACP est affichée en attendant.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop computing the t-SNE map and keep the PCA map.</source>
        <translation>Arrêter le calcul de la carte t-SNE et garder la carte ACP.</translation>
    </message>
    <message>
        <source>Map:</source>
        <translation>Carte&#xa0;:</translation>
    </message>
    <message>
        <source>latent plane (2-d codes)</source>
        <translation>plan latent (codages en 2 dimensions)</translation>
    </message>
    <message>
        <source>This model&apos;s codes have 2 numbers: the map is its latent plane itself, with nothing to project, and every point of it decodes exactly.</source>
        <translation>Les codages de ce modèle ont 2 nombres&#xa0;: la carte est son plan latent lui-même, sans rien à projeter, et chacun de ses points se décode exactement.</translation>
    </message>
    <message>
        <source>PCA</source>
        <translation>ACP</translation>
    </message>
    <message>
        <source>t-SNE</source>
        <translation>t-SNE</translation>
    </message>
    <message>
        <source>How codes of more than 2 numbers are laid out on the plane. PCA keeps their two directions of largest variance: instant, but the classes overlap. t-SNE keeps each image near the images whose codes are near its own, so the classes come apart: a few seconds the first time for each model, then kept.</source>
        <translation>Comment les codages de plus de 2 nombres sont placés sur le plan. L&apos;ACP garde leurs deux directions de plus grande variance&#xa0;: c&apos;est instantané, mais les classes se chevauchent. t-SNE garde chaque image près des images dont les codages sont proches du sien, si bien que les classes se séparent&#xa0;: quelques secondes la première fois pour chaque modèle, puis la carte est gardée.</translation>
    </message>
    <message>
        <source>Tile the visible part of the plane with what the decoder draws at each place ({n} × {n} images), as in the lecture&apos;s figures; it follows zooming and panning.</source>
        <translation>Paver la partie visible du plan avec ce que le décodeur dessine à chaque endroit ({n} × {n} images), comme dans les figures du cours&#xa0;; le pavage suit le zoom et les déplacements.</translation>
    </message>
    <message>
        <source>Only for models whose codes have 2 numbers: on a projected map, a point is not one code, so there is no single image to tile it with.</source>
        <translation>Seulement pour les modèles dont les codages ont 2 nombres&#xa0;: sur une carte projetée, un point n&apos;est pas un codage unique, il n&apos;y a donc pas une seule image pour le paver.</translation>
    </message>
</context>
<context>
    <name>QualityBox</name>
    <message>
        <source>What the judge sees</source>
        <translation>Ce que voit le juge</translation>
    </message>
    <message>
        <source>A small classifier trained on the real images (the judge) reads the model&apos;s samples or reconstructions. judge-FID: the Fréchet distance between the judge&apos;s features of samples and of held-out real images; it is not the Inception-FID of papers, so compare it only with other judge-FIDs. Real vs real: what real images score at the same sample size.</source>
        <translation>Un petit classifieur entraîné sur les images réelles (le juge) lit les échantillons ou les reconstructions du modèle. FID du juge&#xa0;: la distance de Fréchet entre les caractéristiques (selon le juge) des échantillons et d&apos;images réelles mises de côté&#xa0;; ce n&apos;est pas la FID Inception des articles, ne la comparez donc qu&apos;à d&apos;autres FID du juge. Réel contre réel&#xa0;: le score des images réelles pour la même taille d&apos;échantillon.</translation>
    </message>
    <message>
        <source>Measure quality</source>
        <translation>Mesurer la qualité</translation>
    </message>
    <message>
        <source>Ask the judge about this model on this computer (a few seconds to a minute); the figures are kept for next time.</source>
        <translation>Demander au juge d&apos;évaluer ce modèle sur cet ordinateur (de quelques secondes à une minute)&#xa0;; les chiffres sont gardés pour la prochaine fois.</translation>
    </message>
    <message>
        <source>Select a model to see its quality figures.</source>
        <translation>Choisissez un modèle pour voir ses chiffres de qualité.</translation>
    </message>
    <message>
        <source>The judge rates generators and autoencoders only.</source>
        <translation>Le juge n&apos;évalue que les générateurs et les autoencodeurs.</translation>
    </message>
    <message>
        <source>Measured on this computer on {date}.</source>
        <translation>Mesuré sur cet ordinateur le {date}.</translation>
    </message>
    <message>
        <source>From the shipped models&apos; manifest.</source>
        <translation>D&apos;après le manifeste des modèles fournis.</translation>
    </message>
    <message>
        <source>Not measured yet: “Measure quality” asks the judge.</source>
        <translation>Pas encore mesuré&#xa0;: «&#xa0;Mesurer la qualité&#xa0;» interroge le juge.</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>Mesure en cours…</translation>
    </message>
    <message>
        <source>The judge reads this model&apos;s samples or reconstructions…</source>
        <translation>Le juge lit les échantillons ou les reconstructions de ce modèle…</translation>
    </message>
    <message>
        <source>Measure again</source>
        <translation>Mesurer à nouveau</translation>
    </message>
    <message>
        <source>⚠ The judge could not rate this model: {reason}</source>
        <translation>⚠ Le juge n&apos;a pas pu évaluer ce modèle&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Measured on this computer just now.</source>
        <translation>Mesuré sur cet ordinateur à l&apos;instant.</translation>
    </message>
    <message>
        <source>⚠ Could not measure: {reason}</source>
        <translation>⚠ Mesure impossible&#xa0;: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln sample(s):</source>
        <translation>
            <numerusform>%Ln échantillon&#xa0;:</numerusform>
            <numerusform>%Ln échantillons&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>Toward the mean (ψ {psi}), as the Generate page starts: confident {confident} %, judge-FID {fid}, entropy {entropy}</source>
        <translation>Vers la moyenne (ψ {psi}), comme au départ de la page Générer&#xa0;: sûres {confident} %, FID du juge {fid}, entropie {entropy}</translation>
    </message>
    <message>
        <source>Toward the nearest mode (ψ {psi}), as the Generate page starts: confident {confident} %, judge-FID {fid}, entropy {entropy}</source>
        <translation>Vers le mode le plus proche (ψ {psi}), comme au départ de la page Générer&#xa0;: sûres {confident} %, FID du juge {fid}, entropie {entropy}</translation>
    </message>
    <message numerus="yes">
        <source>Judge accuracy on %Ln validation image(s): {originals} % on the originals, {reconstructions} % on the reconstructions (keeps {kept} %)</source>
        <translation>
            <numerusform>Exactitude du juge sur %Ln image de validation&#xa0;: {originals} % sur les originaux, {reconstructions} % sur les reconstructions (garde {kept} %)</numerusform>
            <numerusform>Exactitude du juge sur %Ln images de validation&#xa0;: {originals} % sur les originaux, {reconstructions} % sur les reconstructions (garde {kept} %)</numerusform>
        </translation>
    </message>
    <message>
        <source>Class entropy: {value} (real images: {real})</source>
        <translation>Entropie des classes&#xa0;: {value} (images réelles&#xa0;: {real})</translation>
    </message>
    <message>
        <source>Class entropy: {value}</source>
        <translation>Entropie des classes&#xa0;: {value}</translation>
    </message>
    <message>
        <source>Confident: {value} % (real images: {real} %)</source>
        <translation>Sûres&#xa0;: {value} % (images réelles&#xa0;: {real} %)</translation>
    </message>
    <message>
        <source>judge-FID (comparable only with itself): {value}; real vs real: {real}</source>
        <translation>FID du juge (comparable seulement à elle-même)&#xa0;: {value}&#xa0;; réel contre réel&#xa0;: {real}</translation>
    </message>
</context>
<context>
    <name>ReconstructionTiles</name>
    <message>
        <source>Every autoencoder&apos;s reconstruction — click one to see its code</source>
        <translation>La reconstruction de chaque autoencodeur — cliquez sur l&apos;une d&apos;elles pour voir son codage</translation>
    </message>
    <message>
        <source>Which models to show: those trained on digits (MNIST), on clothes (Fashion-MNIST), or both side by side, to see how a model that only knows clothes reads your digit.</source>
        <translation>Quels modèles montrer&#xa0;: ceux entraînés sur des chiffres (MNIST), sur des vêtements (Fashion-MNIST), ou les deux côte à côte, pour voir comment un modèle qui ne connaît que les vêtements lit votre chiffre.</translation>
    </message>
    <message>
        <source>Models trained on:</source>
        <translation>Modèles entraînés sur&#xa0;:</translation>
    </message>
    <message>
        <source>All datasets</source>
        <translation>Tous les jeux de données</translation>
    </message>
    <message>
        <source>No autoencoder yet. Train one on the Train page, or import one on the Models page.</source>
        <translation>Pas encore d&apos;autoencodeur. Entraînez-en un sur la page Entraîner, ou importez-en un sur la page Modèles.</translation>
    </message>
    <message numerus="yes">
        <source>Loading %n model(s)…</source>
        <translation>
            <numerusform>Chargement de %n modèle…</numerusform>
            <numerusform>Chargement de %n modèles…</numerusform>
        </translation>
    </message>
    <message>
        <source>The models in this row were trained on {dataset}.</source>
        <translation>Les modèles de cette ligne ont été entraînés sur {dataset}.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>{name}
{description}

BCE: mean binary cross-entropy per pixel (what it was trained to minimise; lower is better). PSNR: peak signal-to-noise ratio in dB (higher is closer to the input). Click to see its code.</source>
        <translation>{name}
{description}

BCE&#xa0;: entropie croisée binaire moyenne par pixel (ce qu&apos;il a appris à minimiser&#xa0;; plus bas, c&apos;est mieux). PSNR&#xa0;: rapport signal/bruit de crête en dB (plus haut, c&apos;est plus proche de l&apos;entrée). Cliquez pour voir son codage.</translation>
    </message>
    <message>
        <source>Could not load</source>
        <translation>Chargement impossible</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>indisponible</translation>
    </message>
    <message>
        <source>BCE {bce}
PSNR {psnr} dB</source>
        <translation>BCE {bce}
PSNR {psnr} dB</translation>
    </message>
    <message>
        <source>Draw something</source>
        <translation>Dessinez quelque chose</translation>
    </message>
</context>
<context>
    <name>RunActions</name>
    <message>
        <source>Open run</source>
        <translation>Ouvrir l&apos;entraînement</translation>
    </message>
    <message>
        <source>Show this run on the Train page: scrub its snapshots, replay it (double-click).</source>
        <translation>Afficher cet entraînement sur la page Entraîner&#xa0;: parcourir ses instantanés, le rejouer (double-clic).</translation>
    </message>
    <message>
        <source>Continue training…</source>
        <translation>Poursuivre l&apos;entraînement…</translation>
    </message>
    <message>
        <source>Train this run for more epochs: its curves and history carry on where they stopped.</source>
        <translation>Entraîner ce modèle pendant plus d&apos;époques&#xa0;: ses courbes et son historique reprennent là où ils s&apos;étaient arrêtés.</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>Comparer…</translation>
    </message>
    <message>
        <source>Overlay the validation curves of the selected runs (pick two or more with Ctrl or Shift) and their final metrics.</source>
        <translation>Superposer les courbes de validation des entraînements choisis (deux ou plus, avec Ctrl ou Maj) et leurs mesures finales.</translation>
    </message>
    <message>
        <source>Export history</source>
        <translation>Exporter l&apos;historique</translation>
    </message>
    <message>
        <source>The selected run&apos;s history as CSV, its snapshots as an animated GIF, its curves as PNG or SVG, its last grid as PNG.</source>
        <translation>L&apos;historique de l&apos;entraînement choisi en CSV, ses instantanés en GIF animé, ses courbes en PNG ou SVG, sa dernière grille en PNG.</translation>
    </message>
    <message>
        <source>The Train page is not available.</source>
        <translation>La page Entraîner n&apos;est pas disponible.</translation>
    </message>
    <message>
        <source>Cannot continue {name}: {reason}</source>
        <translation>Impossible de poursuivre {name}&#xa0;: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>{name} has trained for %n epoch(s). How many more?</source>
        <translation>
            <numerusform>{name} s&apos;est entraîné pendant %n époque. Combien de plus&#xa0;?</numerusform>
            <numerusform>{name} s&apos;est entraîné pendant %n époques. Combien de plus&#xa0;?</numerusform>
        </translation>
    </message>
    <message>
        <source>The optimizer starts afresh: {notes}</source>
        <translation>L&apos;optimiseur repart de zéro&#xa0;: {notes}</translation>
    </message>
    <message>
        <source>Continue training</source>
        <translation>Poursuivre l&apos;entraînement</translation>
    </message>
    <message>
        <source>The run could not start; the Train page says why.</source>
        <translation>L&apos;entraînement n&apos;a pas pu démarrer&#xa0;; la page Entraîner dit pourquoi.</translation>
    </message>
    <message>
        <source>Select two or more runs (Ctrl+click or Shift+click) to compare them.</source>
        <translation>Sélectionnez deux entraînements ou plus (Ctrl+clic ou Maj+clic) pour les comparer.</translation>
    </message>
</context>
<context>
    <name>RunHistoryActions</name>
    <message>
        <source>Compare with…</source>
        <translation>Comparer avec…</translation>
    </message>
    <message>
        <source>Overlay this run&apos;s validation curves with other runs&apos; and see their final metrics side by side.</source>
        <translation>Superposer les courbes de validation de cet entraînement à celles d&apos;autres entraînements et voir leurs mesures finales côte à côte.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Export the run: its history as CSV, its snapshots as an animated GIF, the curves as PNG or SVG, the grid shown as PNG.</source>
        <translation>Exporter l&apos;entraînement&#xa0;: son historique en CSV, ses instantanés en GIF animé, les courbes en PNG ou SVG, la grille affichée en PNG.</translation>
    </message>
    <message>
        <source>A run is in progress: stop it before opening another one.</source>
        <translation>Un entraînement est en cours&#xa0;: arrêtez-le avant d&apos;en ouvrir un autre.</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>Ouverture de {name}…</translation>
    </message>
    <message>
        <source>Nothing to show.</source>
        <translation>Rien à montrer.</translation>
    </message>
    <message>
        <source>Could not open {name}: {reason}</source>
        <translation>Impossible d&apos;ouvrir {name}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Reviewing a saved run</source>
        <translation>Revoir un entraînement enregistré</translation>
    </message>
    <message>
        <source>&lt;b&gt;Reviewing {name}&lt;/b&gt;: {summary}. Drag the slider, use ←/→, or press Play.</source>
        <translation>&lt;b&gt;Revue de {name}&lt;/b&gt;&#xa0;: {summary}. Faites glisser le curseur, utilisez ←/→, ou appuyez sur Lecture.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Reviewing {name}&lt;/b&gt;: {reason}</source>
        <translation>&lt;b&gt;Revue de {name}&lt;/b&gt;&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Opened {name} for review.</source>
        <translation>{name} ouvert pour revue.</translation>
    </message>
    <message>
        <source>A run is in progress: stop it before continuing another one.</source>
        <translation>Un entraînement est en cours&#xa0;: arrêtez-le avant d&apos;en poursuivre un autre.</translation>
    </message>
    <message>
        <source>Cannot continue {name}: {reason}</source>
        <translation>Impossible de poursuivre {name}&#xa0;: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>Continuing {name} ({family}, {dataset}) for %n more epoch(s), after {done}.</source>
        <translation>
            <numerusform>Poursuite de {name} ({family}, {dataset}) pendant %n époque de plus, après {done}.</numerusform>
            <numerusform>Poursuite de {name} ({family}, {dataset}) pendant %n époques de plus, après {done}.</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;The optimizer starts afresh.&lt;/b&gt; {note}</source>
        <translation>&lt;b&gt;L&apos;optimiseur repart de zéro.&lt;/b&gt; {note}</translation>
    </message>
    <message>
        <source>Pick at least two runs to compare.</source>
        <translation>Choisissez au moins deux entraînements à comparer.</translation>
    </message>
</context>
<context>
    <name>RunPicker</name>
    <message>
        <source>Compare with…</source>
        <translation>Comparer avec…</translation>
    </message>
    <message>
        <source>Tick two or more runs to overlay their curves.</source>
        <translation>Cochez deux entraînements ou plus pour superposer leurs courbes.</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Comparer</translation>
    </message>
    <message>
        <source>Which runs should be compared?</source>
        <translation>Quels entraînements comparer&#xa0;?</translation>
    </message>
</context>
<context>
    <name>RunProgress</name>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} min {seconds} s</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} h {minutes} min</translation>
    </message>
    <message>
        <source>Steps done out of the whole run (epochs × steps per epoch, plus any single D or G steps).</source>
        <translation>Étapes faites sur l&apos;ensemble de l&apos;entraînement (époques × étapes par époque, plus les étapes isolées de D ou de G).</translation>
    </message>
    <message>
        <source>Training speed (images per second) and the time the run still needs at that speed; neither is shown while the run is paused or over.</source>
        <translation>Vitesse d&apos;entraînement (images par seconde) et temps encore nécessaire à cette vitesse&#xa0;; ni l&apos;un ni l&apos;autre ne s&apos;affiche quand l&apos;entraînement est en pause ou terminé.</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>measuring speed…</source>
        <translation>mesure de la vitesse…</translation>
    </message>
    <message>
        <source>{speed} images/s · about {left} left</source>
        <translation>{speed} images/s · encore environ {left}</translation>
    </message>
    <message numerus="yes">
        <source>{text} · %n single step(s)</source>
        <translation>
            <numerusform>{text} · %n étape isolée</numerusform>
            <numerusform>{text} · %n étapes isolées</numerusform>
        </translation>
    </message>
    <message>
        <source>Epoch {epoch}/{epochs} · step {step}/{steps}</source>
        <translation>Époque {epoch}/{epochs} · étape {step}/{steps}</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>en pause</translation>
    </message>
    <message>
        <source>{speed} images/s on average</source>
        <translation>{speed} images/s en moyenne</translation>
    </message>
</context>
<context>
    <name>RunStory</name>
    <message>
        <source>finished</source>
        <extracomment>outcome key → (symbol, words); the key is what the filter and the sort use</extracomment>
        <translation>terminé</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <source>cut off by quitting</source>
        <translation>interrompu en quittant</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>divergé</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>mémoire épuisée</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>{done} of {planned}</source>
        <translation>{done} sur {planned}</translation>
    </message>
    <message>
        <source>Finished.</source>
        <translation>Terminé.</translation>
    </message>
    <message>
        <source>Stopped by you before the end.</source>
        <translation>Arrêté par vous avant la fin.</translation>
    </message>
    <message>
        <source>Cut off when the app was closed; what it had learnt was saved.</source>
        <translation>Interrompu à la fermeture de l&apos;application&#xa0;; ce qu&apos;il avait appris a été enregistré.</translation>
    </message>
    <message>
        <source>Diverged: the loss became infinite or NaN, so it draws noise. Delete it?</source>
        <translation>Divergé&#xa0;: la perte est devenue infinie ou NaN, il ne dessine donc que du bruit. Le supprimer&#xa0;?</translation>
    </message>
    <message>
        <source>Ran out of memory; what it had learnt was saved.</source>
        <translation>Mémoire épuisée&#xa0;; ce qu&apos;il avait appris a été enregistré.</translation>
    </message>
    <message>
        <source>Failed with an error; what it had learnt was saved.</source>
        <translation>Échec sur une erreur&#xa0;; ce qu&apos;il avait appris a été enregistré.</translation>
    </message>
    <message>
        <source>How this run ended was not recorded.</source>
        <translation>La façon dont cet entraînement s&apos;est terminé n&apos;a pas été enregistrée.</translation>
    </message>
    <message>
        <source>(Trained in {phases} phases, {run} epochs in all; the judge kept epoch {best}.)</source>
        <translation>(Entraîné en {phases} phases, {run} époques en tout&#xa0;; le juge a gardé l&apos;époque {best}.)</translation>
    </message>
    <message>
        <source>(Epochs done: {done} of {planned} planned.)</source>
        <translation>(Époques faites&#xa0;: {done} sur {planned} prévues.)</translation>
    </message>
</context>
<context>
    <name>SampleGrid</name>
    <message>
        <source>Choose a generator to see its samples.</source>
        <translation>Choisissez un générateur pour voir ses échantillons.</translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Which of the lecture&apos;s models to train. Changing it resets the hyperparameters below to the lecture&apos;s defaults for that model.</source>
        <translation>Lequel des modèles du cours entraîner. En changer remet les hyperparamètres ci-dessous aux valeurs du cours pour ce modèle.</translation>
    </message>
    <message>
        <source>What this model does, and the lecture&apos;s training settings for it.</source>
        <translation>Ce que fait ce modèle, et les réglages d&apos;entraînement du cours pour lui.</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Couche</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>Param.</translation>
    </message>
    <message>
        <source>The model&apos;s layers, as the lecture&apos;s Keras summary lists them.</source>
        <translation>Les couches du modèle, comme les liste le résumé Keras du cours.</translation>
    </message>
    <message>
        <source>Trainable parameters, counted as Keras&apos; model.summary() counts them.</source>
        <translation>Paramètres entraînables, comptés comme les compte model.summary() de Keras.</translation>
    </message>
    <message>
        <source>Hyperparameters (the lecture&apos;s defaults)</source>
        <translation>Hyperparamètres (valeurs du cours)</translation>
    </message>
    <message>
        <source>Passes over the whole training set.</source>
        <translation>Passages sur tout le jeu d&apos;entraînement.</translation>
    </message>
    <message>
        <source>Images per training step.</source>
        <translation>Images par étape d&apos;entraînement.</translation>
    </message>
    <message>
        <source>Learning rate: the size of each step down the loss. Too large and training diverges; too small and it crawls.</source>
        <translation>Taux d&apos;apprentissage&#xa0;: la taille de chaque pas pour descendre la perte. Trop grand, l&apos;entraînement diverge&#xa0;; trop petit, il se traîne.</translation>
    </message>
    <message>
        <source>How the gradients update the weights (Keras&apos; SGD, RMSprop, Adam).</source>
        <translation>Comment les gradients mettent à jour les poids (SGD, RMSprop, Adam de Keras).</translation>
    </message>
    <message>
        <source>Seeds the weights, the shuffling and the noise: the same seed on the CPU gives the same run.</source>
        <translation>Initialise les poids, le mélange et le bruit&#xa0;: la même graine sur le CPU donne le même entraînement.</translation>
    </message>
    <message>
        <source>Stop each epoch after this many steps (0 = the whole training set). Handy for a quick look.</source>
        <translation>Arrêter chaque époque après ce nombre d&apos;étapes (0 = tout le jeu d&apos;entraînement). Pratique pour un essai rapide.</translation>
    </message>
    <message>
        <source>whole epoch</source>
        <translation>époque entière</translation>
    </message>
    <message>
        <source>shifts, rotations, scale, stroke width</source>
        <translation>décalage, rotation, taille, trait</translation>
    </message>
    <message>
        <source>Change each training batch at random, on the fly: every image moved by up to {shift} pixels, turned by up to {angle}°, resized by up to {scale} % and drawn with a thicker or thinner stroke (the seed above fixes the draws). The model then reads digits drawn here or rendered from a font much better, for a slightly higher validation loss. The shipped MNIST models are trained with it on. For a GAN, the discriminator sees real and generated images alike through these changes (and fainter ink), so it cannot learn a small training set by heart; the generator still learns plain images.</source>
        <translation>Modifier chaque lot d&apos;entraînement au hasard, à la volée&#xa0;: chaque image est décalée d&apos;au plus {shift} pixels, tournée d&apos;au plus {angle}°, redimensionnée d&apos;au plus {scale} % et dessinée d&apos;un trait plus épais ou plus fin (la graine ci-dessus fixe les tirages). Le modèle lit alors bien mieux les chiffres dessinés ici ou rendus à partir d&apos;une police, pour une perte de validation un peu plus élevée. Les modèles MNIST fournis sont entraînés avec cette option. Pour un GAN, le discriminateur voit les images réelles et générées à travers les mêmes changements (et une encre plus pâle)&#xa0;: il ne peut pas apprendre par cœur un petit jeu d&apos;entraînement, et le générateur apprend toujours des images sans retouche.</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Époques</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Taille de lot</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Taux d&apos;apprentissage</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>Optimiseur</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Graine</translation>
    </message>
    <message>
        <source>Steps per epoch</source>
        <translation>Étapes par époque</translation>
    </message>
    <message>
        <source>Augment images</source>
        <translation>Augmentation des images</translation>
    </message>
    <message numerus="yes">
        <source>{description}

Lecture&apos;s settings: {optimizer}, learning rate {lr}, batch {batch}, %n epoch(s).</source>
        <translation>
            <numerusform>{description}

Réglages du cours&#xa0;: {optimizer}, taux d&apos;apprentissage {lr}, lot de {batch}, %n époque.</numerusform>
            <numerusform>{description}

Réglages du cours&#xa0;: {optimizer}, taux d&apos;apprentissage {lr}, lot de {batch}, %n époques.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot build this model: {reason}</source>
        <translation>Impossible de construire ce modèle&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Output shape of the layer, per image</source>
        <translation>Forme de la sortie de la couche, par image</translation>
    </message>
    <message>
        <source>&lt;b&gt;{count}&lt;/b&gt; parameters</source>
        <translation>&lt;b&gt;{count}&lt;/b&gt; paramètres</translation>
    </message>
</context>
<context>
    <name>SideBar</name>
    <message>
        <source>Show the pages&apos; titles (Ctrl+B).</source>
        <translation>Afficher les titres des pages (Ctrl+B).</translation>
    </message>
    <message>
        <source>Icons only: more room (Ctrl+B).</source>
        <translation>Icônes seules&#xa0;: plus de place (Ctrl+B).</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <source>Move the mouse over the map</source>
        <translation>Déplacez la souris sur la carte</translation>
    </message>
    <message>
        <source>Click a dot</source>
        <translation>Cliquez sur un point</translation>
    </message>
    <message>
        <source>Draw on the Draw page</source>
        <translation>Dessinez sur la page Dessiner</translation>
    </message>
    <message>
        <source>Decoded under the mouse</source>
        <translation>Décodé sous la souris</translation>
    </message>
    <message>
        <source>The dot you clicked</source>
        <translation>Le point cliqué</translation>
    </message>
    <message>
        <source>original</source>
        <translation>original</translation>
    </message>
    <message>
        <source>reconstruction</source>
        <translation>reconstruction</translation>
    </message>
    <message>
        <source>Your drawing (★ on the map)</source>
        <translation>Votre dessin (★ sur la carte)</translation>
    </message>
    <message>
        <source>Hovering decodes the exact point of the latent plane.</source>
        <translation>Le survol décode le point exact du plan latent.</translation>
    </message>
    <message>
        <source>Hovering decodes the codes of the {k} nearest points, interpolated.</source>
        <translation>Le survol décode une interpolation des codages des {k} points les plus proches.</translation>
    </message>
    <message>
        <source>Hovering decodes the point with the other components at their mean.</source>
        <translation>Le survol décode le point, avec les autres composantes à leur moyenne.</translation>
    </message>
    <message>
        <source>at ({x}, {y})</source>
        <translation>en ({x}&#xa0;; {y})</translation>
    </message>
    <message>
        <source>Image #{index}: class {label} ({name}) at ({x}, {y})</source>
        <translation>Image n° {index}&#xa0;: classe {label} ({name}) en ({x}&#xa0;; {y})</translation>
    </message>
</context>
<context>
    <name>TrainPage</name>
    <message>
        <source>Finished</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message>
        <source>Diverged</source>
        <translation>Divergé</translation>
    </message>
    <message>
        <source>Out of memory</source>
        <translation>Mémoire épuisée</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>perte</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>perte de validation</translation>
    </message>
    <message>
        <source>rounded accuracy</source>
        <translation>exactitude arrondie</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <source>Start training with these settings (Ctrl+Enter).</source>
        <translation>Démarrer l&apos;entraînement avec ces réglages (Ctrl+Entrée).</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Pause the run after the current step; press again to resume (Space).</source>
        <translation>Mettre l&apos;entraînement en pause après l&apos;étape en cours&#xa0;; appuyer à nouveau pour reprendre (Espace).</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Stop the run after the current step and save the model trained so far (Esc).</source>
        <translation>Arrêter l&apos;entraînement après l&apos;étape en cours et enregistrer le modèle entraîné jusque-là (Échap).</translation>
    </message>
    <message>
        <source>Train D only</source>
        <translation>Entraîner D</translation>
    </message>
    <message>
        <source>One step of phase 1 — only the discriminator learns to tell real from fake; a running GAN pauses first (Ctrl+D).</source>
        <translation>Une étape de la phase 1 — seul le discriminateur apprend à distinguer le réel du factice&#xa0;; un GAN en cours se met d&apos;abord en pause (Ctrl+D).</translation>
    </message>
    <message>
        <source>Train G only</source>
        <translation>Entraîner G</translation>
    </message>
    <message>
        <source>One step of phase 2 — only the generator learns to fool the frozen discriminator; a running GAN pauses first (Ctrl+G).</source>
        <translation>Une étape de la phase 2 — seul le générateur apprend à tromper le discriminateur figé&#xa0;; un GAN en cours se met d&apos;abord en pause (Ctrl+G).</translation>
    </message>
    <message>
        <source>Training loss at every step (faint) and smoothed; validation loss after each epoch. For a GAN: both losses, and D&apos;s average score for real and fake images.</source>
        <translation>Perte d&apos;entraînement à chaque étape (pâle) et lissée&#xa0;; perte de validation après chaque époque. Pour un GAN&#xa0;: les deux pertes, et le score moyen de D pour les images réelles et factices.</translation>
    </message>
    <message>
        <source>What happened during the runs: start, epochs, pauses, stops, saves and problems.</source>
        <translation>Ce qui s&apos;est passé pendant les entraînements&#xa0;: démarrage, époques, pauses, arrêts, enregistrements et problèmes.</translation>
    </message>
    <message>
        <source>The run&apos;s events will be listed here.</source>
        <translation>Les événements de l&apos;entraînement seront listés ici.</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>Juge</translation>
    </message>
    <message>
        <source>These settings cannot be used: {reason}</source>
        <translation>Ces réglages ne peuvent pas être utilisés&#xa0;: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>Starting {model} on {dataset} ({source}); {optimizer}, learning rate {lr}, batch {batch}, %n epoch(s).</source>
        <translation>
            <numerusform>Démarrage de {model} sur {dataset} ({source})&#xa0;; {optimizer}, taux d&apos;apprentissage {lr}, lot de {batch}, %n époque.</numerusform>
            <numerusform>Démarrage de {model} sur {dataset} ({source})&#xa0;; {optimizer}, taux d&apos;apprentissage {lr}, lot de {batch}, %n époques.</numerusform>
        </translation>
    </message>
    <message>
        <source>Augmented batches: each image shifted, turned, resized and re-inked at random.</source>
        <translation>Lots augmentés&#xa0;: chaque image est décalée, tournée, redimensionnée et son trait épaissi ou aminci, au hasard.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>Training started.</source>
        <translation>Entraînement démarré.</translation>
    </message>
    <message>
        <source>Stopping after the current step…</source>
        <translation>Arrêt après l&apos;étape en cours…</translation>
    </message>
    <message>
        <source>A training run is in progress.</source>
        <translation>Un entraînement est en cours.</translation>
    </message>
    <message>
        <source>Closing: stopping the run and saving it…</source>
        <translation>Fermeture&#xa0;: arrêt et enregistrement de l&apos;entraînement…</translation>
    </message>
    <message>
        <source>Epoch {epoch}, the judge: judge-FID {fid} (real vs real {real}), class entropy {entropy} ({ms} ms).</source>
        <translation>Époque {epoch}, le juge&#xa0;: FID du juge {fid} (réel contre réel {real}), entropie des classes {entropy} ({ms} ms).</translation>
    </message>
    <message>
        <source>Drawing the first snapshot…</source>
        <translation>Dessin du premier instantané…</translation>
    </message>
    <message>
        <source>Started on {device}: {train} training and {val} validation images, {steps} steps of {batch} per epoch.</source>
        <translation>Démarré sur {device}&#xa0;: {train} images d&apos;entraînement et {val} de validation, {steps} étapes de {batch} par époque.</translation>
    </message>
    <message>
        <source>One step of the discriminator (phase 1): {values}.</source>
        <translation>Une étape du discriminateur (phase 1)&#xa0;: {values}.</translation>
    </message>
    <message>
        <source>One step of the generator (phase 2): {values}.</source>
        <translation>Une étape du générateur (phase 2)&#xa0;: {values}.</translation>
    </message>
    <message>
        <source>Epoch {epoch}: training {train}</source>
        <translation>Époque {epoch}&#xa0;: entraînement {train}</translation>
    </message>
    <message>
        <source>{text}; validation {val}</source>
        <translation>{text}&#xa0;; validation {val}</translation>
    </message>
    <message>
        <source>{text} ({speed} images/s, {elapsed} so far).</source>
        <translation>{text} ({speed} images/s, {elapsed} écoulées).</translation>
    </message>
    <message>
        <source>{text} GAN health: {headline}.</source>
        <translation>{text} Santé du GAN&#xa0;: {headline}.</translation>
    </message>
    <message>
        <source>Paused at step {step}.</source>
        <translation>En pause à l&apos;étape {step}.</translation>
    </message>
    <message>
        <source>{text} Use “Train D only” / “Train G only” to walk through the two phases.</source>
        <translation>{text} Utilisez «&#xa0;Entraîner D&#xa0;» / «&#xa0;Entraîner G&#xa0;» pour parcourir les deux phases une à une.</translation>
    </message>
    <message>
        <source>Paused at step {step}</source>
        <translation>En pause à l&apos;étape {step}</translation>
    </message>
    <message>
        <source>Resumed at step {step}.</source>
        <translation>Reprise à l&apos;étape {step}.</translation>
    </message>
    <message numerus="yes">
        <source>{title} after %n epoch(s), {steps} steps</source>
        <translation>
            <numerusform>{title} après %n époque, {steps} étapes</numerusform>
            <numerusform>{title} après %n époques, {steps} étapes</numerusform>
        </translation>
    </message>
    <message>
        <source>{title}: {message}</source>
        <translation>{title}&#xa0;: {message}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Training diverged.&lt;/b&gt; The loss became infinite or NaN at step {step}; the last good weights were kept. Try a lower learning rate (this run used {lr}).</source>
        <translation>&lt;b&gt;L&apos;entraînement a divergé.&lt;/b&gt; La perte est devenue infinie ou NaN à l&apos;étape {step}&#xa0;; les derniers bons poids ont été gardés. Essayez un taux d&apos;apprentissage plus bas (cet entraînement utilisait {lr}).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Finished.&lt;/b&gt; {message}</source>
        <translation>&lt;b&gt;Terminé.&lt;/b&gt; {message}</translation>
    </message>
    <message>
        <source>{text} Final validation loss {loss}.</source>
        <translation>{text} Perte de validation finale {loss}.</translation>
    </message>
    <message>
        <source>Saved the model as {path}</source>
        <translation>Modèle enregistré sous {path}</translation>
    </message>
    <message>
        <source>Model saved: {path}</source>
        <translation>Modèle enregistré&#xa0;: {path}</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Pas démarré</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
</context>
<context>
    <name>TrainingWorker</name>
    <message>
        <source>Training failed unexpectedly: {error}</source>
        <translation>L&apos;entraînement a échoué de façon inattendue&#xa0;: {error}</translation>
    </message>
    <message>
        <source>Loading the data…</source>
        <translation>Chargement des données…</translation>
    </message>
    <message>
        <source>Could not load the data: {reason}</source>
        <translation>Impossible de charger les données&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Stopped before training started; nothing to save.</source>
        <translation>Arrêté avant le début de l&apos;entraînement&#xa0;; rien à enregistrer.</translation>
    </message>
    <message>
        <source>Building the model…</source>
        <translation>Construction du modèle…</translation>
    </message>
    <message>
        <source>Could not start training: {reason}</source>
        <translation>Impossible de démarrer l&apos;entraînement&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>The run ended but its model could not be saved: {reason}</source>
        <translation>L&apos;entraînement est terminé mais son modèle n&apos;a pas pu être enregistré&#xa0;: {reason}</translation>
    </message>
</context>
<context>
    <name>UnitActivityView</name>
    <message>
        <source>coding unit</source>
        <translation>unité de codage</translation>
    </message>
    <message>
        <source>mean activation</source>
        <translation>activation moyenne</translation>
    </message>
    <message>
        <source>The sparse autoencoder&apos;s coding layer: each bar is one unit&apos;s mean activation over a fixed batch of validation images. The penalty pushes most of them towards the target, so each image is coded by a few active units.</source>
        <translation>La couche de codage de l&apos;autoencodeur épars&#xa0;: chaque barre est l&apos;activation moyenne d&apos;une unité sur un lot fixe d&apos;images de validation. La pénalité pousse la plupart d&apos;entre elles vers la cible, si bien que chaque image est codée par quelques unités actives.</translation>
    </message>
    <message>
        <source>The coding units&apos; activity appears here.</source>
        <translation>L&apos;activité des unités de codage apparaît ici.</translation>
    </message>
    <message>
        <source>target {value}</source>
        <translation>cible {value}</translation>
    </message>
    <message>
        <source>{quiet} of {units} coding units stay near zero ({share} %); the mean activation is {mean}</source>
        <translation>{quiet} des {units} unités de codage restent proches de zéro ({share} %)&#xa0;; l&apos;activation moyenne vaut {mean}</translation>
    </message>
    <message>
        <source>{text} (target {target}).</source>
        <translation>{text} (cible {target}).</translation>
    </message>
    <message>
        <source>{text} (L1 penalty: pushed towards zero).</source>
        <translation>{text} (pénalité L1&#xa0;: poussées vers zéro).</translation>
    </message>
</context>
<context>
    <name>VaeTermsPlot</name>
    <message>
        <source>loss term (log scale)</source>
        <translation>terme de la perte (échelle log)</translation>
    </message>
    <message>
        <source>training step</source>
        <translation>étape d&apos;entraînement</translation>
    </message>
    <message>
        <source>reconstruction (BCE per pixel)</source>
        <translation>reconstruction (BCE par pixel)</translation>
    </message>
    <message>
        <source>KL divergence ÷ 784</source>
        <translation>divergence KL ÷ 784</translation>
    </message>
    <message>
        <source>The VAE minimises the sum of two terms: rebuilding the image well, and keeping the codes close to a standard normal (KL). Watch them pull against each other.</source>
        <translation>Le VAE minimise la somme de deux termes&#xa0;: bien reconstruire l&apos;image, et garder les codages proches d&apos;une loi normale centrée réduite (KL). Regardez-les tirer en sens contraire.</translation>
    </message>
</context>
</TS>

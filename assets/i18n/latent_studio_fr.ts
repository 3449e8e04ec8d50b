<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
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
        <source>How the two networks are doing, read from D(x), D(G(z)) and how varied the samples are.</source>
        <translation>Comment se portent les deux réseaux, d&apos;après D(x), D(G(z)) et la variété des échantillons.</translation>
    </message>
    <message>
        <source>&lt;b&gt;GAN health: {headline}.&lt;/b&gt; {advice} &lt;span style=&apos;color:#666&apos;&gt;(D(x) {d_real}, D(G(z)) {d_fake})&lt;/span&gt;</source>
        <translation>&lt;b&gt;Santé du GAN&#xa0;: {headline}.&lt;/b&gt; {advice} &lt;span style=&apos;color:#666&apos;&gt;(D(x) {d_real}, D(G(z)) {d_fake})&lt;/span&gt;</translation>
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
        <source>Follow the language of the computer (French for any French locale, else English).</source>
        <translation>Suivre la langue de l&apos;ordinateur (français pour toute langue système française, sinon anglais).</translation>
    </message>
    <message>
        <source>Show Latent Studio in English.</source>
        <translation>Afficher Latent Studio en anglais.</translation>
    </message>
    <message>
        <source>Show Latent Studio in French.</source>
        <translation>Afficher Latent Studio en français.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Latent Studio will be in {language} the next time it starts.</source>
        <translation>Latent Studio sera en {language} à son prochain démarrage.</translation>
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
        <source>D(x): D&apos;s score for real images</source>
        <translation>D(x)&#xa0;: score de D pour les images réelles</translation>
    </message>
    <message>
        <source>D(G(z)): D&apos;s score for fakes</source>
        <translation>D(G(z))&#xa0;: score de D pour les images factices</translation>
    </message>
    <message>
        <source>loss (BCE)</source>
        <translation>perte (entropie croisée binaire)</translation>
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
</context>
<context>
    <name>MainWindow</name>
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
</context>
<context>
    <name>NoisePanel</name>
    <message>
        <source>PSNR {0:.1f} dB</source>
        <translation>PSNR {0:.1f} dB</translation>
    </message>
</context>
<context>
    <name>ReconstructionTiles</name>
    <message>
        <source>Draw something</source>
        <translation>Dessinez quelque chose</translation>
    </message>
    <message>
        <source>BCE {0:.3f}&lt;br&gt;PSNR {1:.1f} dB</source>
        <translation>BCE {0:.3f}&lt;br&gt;PSNR {1:.1f} dB</translation>
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
        <source>Steps done out of the whole run (epochs × steps per epoch).</source>
        <translation>Étapes faites sur l&apos;ensemble de l&apos;entraînement (époques × étapes par époque).</translation>
    </message>
    <message>
        <source>Training speed (images per second) and the time the run still needs at that speed.</source>
        <translation>Vitesse d&apos;entraînement (images par seconde) et temps restant à cette vitesse.</translation>
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
    <message>
        <source>Epoch {epoch}/{epochs} · step {step}/{steps}</source>
        <translation>Époque {epoch}/{epochs} · étape {step}/{steps}</translation>
    </message>
    <message>
        <source>{speed} images/s on average</source>
        <translation>{speed} images/s en moyenne</translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
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
</context>
<context>
    <name>TrainPage</name>
    <message>
        <source>A training run is in progress.</source>
        <translation>Un entraînement est en cours.</translation>
    </message>
</context>
</TS>

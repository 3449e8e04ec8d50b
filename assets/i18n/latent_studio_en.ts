<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>DeviceBox</name>
    <message numerus="yes">
        <source>CPU — %n core(s) on this machine</source>
        <translation>
            <numerusform>CPU — %n core on this machine</numerusform>
            <numerusform>CPU — %n cores on this machine</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Detected: {found}; CPU with %n core(s).</source>
        <translation>
            <numerusform>Detected: {found}; CPU with %n core.</numerusform>
            <numerusform>Detected: {found}; CPU with %n cores.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DrawPage</name>
    <message numerus="yes">
        <source>Latent code of {name}: %n number(s)</source>
        <translation>
            <numerusform>Latent code of {name}: %n number</numerusform>
            <numerusform>Latent code of {name}: %n numbers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GeneratePage</name>
    <message numerus="yes">
        <source>%n sample(s)</source>
        <translation>
            <numerusform>%n sample</numerusform>
            <numerusform>%n samples</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name}: a VAE&apos;s decoder fed with z ~ N(0, I), %n number(s) per code. Click a sample to pick it (A, then B).</source>
        <translation>
            <numerusform>{name}: a VAE&apos;s decoder fed with z ~ N(0, I), %n number per code. Click a sample to pick it (A, then B).</numerusform>
            <numerusform>{name}: a VAE&apos;s decoder fed with z ~ N(0, I), %n numbers per code. Click a sample to pick it (A, then B).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name}: the generator fed with noise, %n number(s), and the class to draw (one of {codes}). Click a sample to pick it (A, then B).</source>
        <translation>
            <numerusform>{name}: the generator fed with noise, %n number, and the class to draw (one of {codes}). Click a sample to pick it (A, then B).</numerusform>
            <numerusform>{name}: the generator fed with noise, %n numbers, and the class to draw (one of {codes}). Click a sample to pick it (A, then B).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name}: the generator fed with noise, %n number(s), and one of {codes} class codes. Click a sample to pick it (A, then B).</source>
        <translation>
            <numerusform>{name}: the generator fed with noise, %n number, and one of {codes} class codes. Click a sample to pick it (A, then B).</numerusform>
            <numerusform>{name}: the generator fed with noise, %n numbers, and one of {codes} class codes. Click a sample to pick it (A, then B).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name}: the generator fed with noise, %n number(s) per code. Click a sample to pick it (A, then B).</source>
        <translation>
            <numerusform>{name}: the generator fed with noise, %n number per code. Click a sample to pick it (A, then B).</numerusform>
            <numerusform>{name}: the generator fed with noise, %n numbers per code. Click a sample to pick it (A, then B).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Latent sliders: the VAE&apos;s %n code dimension(s), decoded live</source>
        <translation>
            <numerusform>Latent sliders: the VAE&apos;s %n code dimension, decoded live</numerusform>
            <numerusform>Latent sliders: the VAE&apos;s %n code dimensions, decoded live</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryScrubber</name>
    <message numerus="yes">
        <source>%n snapshot(s)/s</source>
        <translation>
            <numerusform>%n snapshot/s</numerusform>
            <numerusform>%n snapshots/s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPicturesDialog</name>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n picture(s) kept&lt;/b&gt; in {classes} classes ({counts}).</source>
        <translation>
            <numerusform>&lt;b&gt;%n picture kept&lt;/b&gt; in {classes} classes ({counts}).</numerusform>
            <numerusform>&lt;b&gt;%n pictures kept&lt;/b&gt; in {classes} classes ({counts}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n picture(s) kept&lt;/b&gt;, without classes: every picture is “{name}” (fine for autoencoders and GANs; the latent map colours them all alike).</source>
        <translation>
            <numerusform>&lt;b&gt;%n picture kept&lt;/b&gt;, without classes: every picture is “{name}” (fine for autoencoders and GANs; the latent map colours them all alike).</numerusform>
            <numerusform>&lt;b&gt;%n pictures kept&lt;/b&gt;, without classes: every picture is “{name}” (fine for autoencoders and GANs; the latent map colours them all alike).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) skipped: {reasons}.</source>
        <translation>
            <numerusform>%n file skipped: {reasons}.</numerusform>
            <numerusform>%n files skipped: {reasons}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n picture(s) beyond the limit were left out.</source>
        <translation>
            <numerusform>%n picture beyond the limit was left out.</numerusform>
            <numerusform>%n pictures beyond the limit were left out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JudgePanel</name>
    <message numerus="yes">
        <source>Bars: the grid&apos;s %n sample(s); ticks: {count} samples.</source>
        <translation>
            <numerusform>Bars: the grid&apos;s %n sample; ticks: {count} samples.</numerusform>
            <numerusform>Bars: the grid&apos;s %n samples; ticks: {count} samples.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Grid of %n: class entropy {entropy}</source>
        <translation>
            <numerusform>Grid of %n: class entropy {entropy}</numerusform>
            <numerusform>Grid of %n: class entropy {entropy}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ModelsPage</name>
    <message numerus="yes">
        <source>Delete diverged runs (%n)…</source>
        <translation>
            <numerusform>Delete diverged runs (%n)…</numerusform>
            <numerusform>Delete diverged runs (%n)…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unreadable files (%n), not listed above:</source>
        <translation>
            <numerusform>Unreadable files (%n), not listed above:</numerusform>
            <numerusform>Unreadable files (%n), not listed above:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete these %n run(s)? Their loss became infinite or NaN, so they only draw noise.</source>
        <translation>
            <numerusform>Delete %n run? Its loss became infinite or NaN, so it only draws noise.</numerusform>
            <numerusform>Delete these %n runs? Their loss became infinite or NaN, so they only draw noise.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n diverged run(s).</source>
        <translation>
            <numerusform>Deleted %n diverged run.</numerusform>
            <numerusform>Deleted %n diverged runs.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QualityBox</name>
    <message numerus="yes">
        <source>%Ln sample(s):</source>
        <translation>
            <numerusform>%Ln sample:</numerusform>
            <numerusform>%Ln samples:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Judge accuracy on %Ln validation image(s): {originals} % on the originals, {reconstructions} % on the reconstructions (keeps {kept} %)</source>
        <translation>
            <numerusform>Judge accuracy on %Ln validation image: {originals} % on the originals, {reconstructions} % on the reconstructions (keeps {kept} %)</numerusform>
            <numerusform>Judge accuracy on %Ln validation images: {originals} % on the originals, {reconstructions} % on the reconstructions (keeps {kept} %)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReconstructionTiles</name>
    <message numerus="yes">
        <source>Loading %n model(s)…</source>
        <translation>
            <numerusform>Loading %n model…</numerusform>
            <numerusform>Loading %n models…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunActions</name>
    <message numerus="yes">
        <source>{name} has trained for %n epoch(s). How many more?</source>
        <translation>
            <numerusform>{name} has trained for %n epoch. How many more?</numerusform>
            <numerusform>{name} has trained for %n epochs. How many more?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunHistoryActions</name>
    <message numerus="yes">
        <source>Continuing {name} ({family}, {dataset}) for %n more epoch(s), after {done}.</source>
        <translation>
            <numerusform>Continuing {name} ({family}, {dataset}) for %n more epoch, after {done}.</numerusform>
            <numerusform>Continuing {name} ({family}, {dataset}) for %n more epochs, after {done}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunProgress</name>
    <message numerus="yes">
        <source>{text} · %n single step(s)</source>
        <translation>
            <numerusform>{text} · %n single step</numerusform>
            <numerusform>{text} · %n single steps</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message numerus="yes">
        <source>{description}

Lecture&apos;s settings: {optimizer}, learning rate {lr}, batch {batch}, %n epoch(s).</source>
        <translation>
            <numerusform>{description}

Lecture&apos;s settings: {optimizer}, learning rate {lr}, batch {batch}, %n epoch.</numerusform>
            <numerusform>{description}

Lecture&apos;s settings: {optimizer}, learning rate {lr}, batch {batch}, %n epochs.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrainPage</name>
    <message numerus="yes">
        <source>Starting {model} on {dataset} ({source}); {optimizer}, learning rate {lr}, batch {batch}, %n epoch(s).</source>
        <translation>
            <numerusform>Starting {model} on {dataset} ({source}); {optimizer}, learning rate {lr}, batch {batch}, %n epoch.</numerusform>
            <numerusform>Starting {model} on {dataset} ({source}); {optimizer}, learning rate {lr}, batch {batch}, %n epochs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{title} after %n epoch(s), {steps} steps</source>
        <translation>
            <numerusform>{title} after %n epoch, {steps} steps</numerusform>
            <numerusform>{title} after %n epochs, {steps} steps</numerusform>
        </translation>
    </message>
</context>
</TS>

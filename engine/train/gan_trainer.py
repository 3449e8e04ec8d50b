"""Training a GAN in the lecture's two phases.

(1) Update D: a batch of real images and an equal number of fakes, labels 1 and
    0, BCE — only D's weights change (the fakes are detached).
(2) Update G: fakes judged by D with labels 1 — only G's weights change (D's
    parameters are frozen for the phase and its optimiser does not step).

With augmentation on, D sees every image, real or fake, through the same kind of random change, in both
phases (differentiable augmentation, Zhao et al. 2020): D cannot memorise a small training set as
easily, and since G is judged only through changed images it still learns the unchanged digits rather
than moved and re-inked ones, as it would if only the real batches were changed.

``top_k`` below 1 (``assets/make_dcgans.py --top-k``; Sinha et al. 2020) makes phase (2) learn from only
that share of the fakes, those D rates most real: G is not pulled towards D's view of its worst fakes.

A DCGAN with class codes (InfoGAN, Chen et al. 2016) adds Q's cross-entropy at guessing which code drew
each fake (``loss_q``, weight ``INFO_WEIGHT``) to both phases: Q learns with D in (1), and G learns in (2)
to draw each code so that Q can tell it. No labels are used.

With ``code_source`` "labels", code k means the dataset's class k (a conditional GAN with an auxiliary
classifier, AC-GAN, Odena et al. 2017): in (1) Q also learns to name the real images' classes, so G must
draw each class as the data shows it, and the user chooses the class to draw.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F

from ..i18n import _
from ..sampling import class_codes
from .augment import GAN_AUGMENTATION, augment_batch
from .config import make_optimizer
from .trainer import Trainer, clear_grads

INFO_WEIGHT = 1.0  # λ of the class codes' loss: the InfoGAN paper's for discrete codes


class GANTrainer(Trainer):
    metric_names = ("loss_d", "loss_g", "d_real", "d_fake")
    drop_last = True
    augment_batches = False  # D's inputs are changed instead (see the module's docstring)
    augmentation = GAN_AUGMENTATION
    # the share of each batch's fakes G learns from: those D finds most real (Sinha et al. 2020, "top-k");
    # 1 = all of them, the lecture's
    top_k = 1.0
    # λ of Q's loss in G's phase (``assets/make_dcgans.py --code-weight``): how hard G is pushed to draw
    # codes Q can tell apart; lower keeps more variety within a class
    code_weight = INFO_WEIGHT
    # a conditional DCGAN's Q learns from the fakes' codes too, and shapes D's features (AC-GAN); False:
    # Q learns from the real labels only, reading D's features without changing them
    q_learns_fakes = True

    def __init__(self, model, dataset, config, device, control=None) -> None:
        super().__init__(model, dataset, config, device, control)
        self.family = model.config.family
        self.codes = class_codes(model)
        if self.codes:
            self.metric_names = (*GANTrainer.metric_names, "loss_q")
        self.conditional = bool(self.codes) and model.config.code_source == "labels"
        self._labels: torch.Tensor | None = None  # the classes of the last batch (a conditional GAN's)
        if self.conditional:
            self._check_labels()
        d_params = list(model.discriminator.parameters())
        if self.codes:  # Q shares D's features and learns in D's phase, with D's optimiser
            d_params += list(model.q_head.parameters())
        self.opt_d = make_optimizer(config.optimizer, d_params, config.lr)
        self.opt_g = make_optimizer(config.optimizer, model.generator.parameters(), config.lr)
        self.fixed_noise = model.noise(config.snapshot_size, torch.Generator().manual_seed(config.seed + 1))
        if self.codes:  # the fixed samples take the codes in turn: the grid shows what each code learns to draw
            classes = torch.arange(len(self.fixed_noise), device=self.fixed_noise.device) % self.codes
            self.fixed_noise = model.code_input(self.fixed_noise[:, : model.coding_size], classes)

    def _check_labels(self) -> None:
        labels = self.train_set.labels
        if len(labels) and not (0 <= int(labels.min()) and int(labels.max()) < self.codes):
            raise ValueError(
                _(
                    "class codes from the labels need every image's class between 1 and {count}: this "
                    "dataset has classes from {low} to {high}"
                ).format(count=self.codes, low=int(labels.min()) + 1, high=int(labels.max()) + 1)
            )

    def batch(self, indices: torch.Tensor) -> torch.Tensor:
        if self.conditional:
            self._labels = self.train_set.labels.index_select(0, indices)
        return super().batch(indices)

    def _noise(self, n: int) -> tuple[torch.Tensor, torch.Tensor | None]:
        """G's inputs on the device (z, then a uniform one-hot class code if any) and the codes' classes."""
        z = torch.randn(n, self.model.coding_size, device=self.device)
        classes = torch.randint(self.codes, (n,), device=self.device) if self.codes else None
        return self.model.code_input(z, classes), classes

    def _judged(self, x: torch.Tensor, classes: torch.Tensor | None, n_fake: int, real_classes=None):
        """D's logits for ``x`` (its first ``n_fake`` images are fakes drawn with ``classes``, the rest real
        ones of ``real_classes`` if known) and Q's loss at naming their codes (None without class codes)."""
        if classes is None:
            return self.model.discriminator_logits(x), None
        reads = real_classes is not None and not self.q_learns_fakes
        logits, code_logits = self.model.discriminator_logits_and_codes(x, q_only_reads=reads)
        if real_classes is None:  # InfoGAN's codes, or G's phase: Q names the fakes' codes
            return logits, F.cross_entropy(code_logits[:n_fake], classes)
        if reads:  # Q learns the real images' classes only
            return logits, F.cross_entropy(code_logits[n_fake:], real_classes)
        return logits, F.cross_entropy(code_logits, torch.cat([classes, real_classes]))  # AC-GAN: both

    def _seen(self, images: torch.Tensor, generator: torch.Generator | None) -> torch.Tensor:
        """``images`` (model space) as D sees them: unchanged, or augmented with draws from ``generator``."""
        if generator is None:
            return images
        model = self.model
        return model.to_model_space(augment_batch(model.from_model_space(images), generator, self.augmentation))

    def step_discriminator(self, real01: torch.Tensor, generator: torch.Generator | None = None):
        """(1) Update D on real + an equal number of fake images."""
        model = self.model
        n = real01.shape[0]
        real = model.to_model_space(real01.reshape(n, 1, 28, 28))
        codes, classes = self._noise(n)
        with torch.no_grad():
            fake = model.generate_raw(codes)
        real_classes = self._labels  # set by batch() for a conditional DCGAN only
        if real_classes is not None and len(real_classes) != n:
            raise ValueError("a conditional GAN's real batch came without its labels (use Trainer.batch)")
        logits, loss_q = self._judged(self._seen(torch.cat([fake, real]), generator), classes, n, real_classes)
        labels = torch.cat([torch.zeros(n, device=self.device), torch.ones(n, device=self.device)])
        loss_d = F.binary_cross_entropy_with_logits(logits, labels)
        clear_grads(self.opt_d)
        (loss_d if loss_q is None else loss_d + INFO_WEIGHT * loss_q).backward()
        self.opt_d.step()
        probs = torch.sigmoid(logits.detach())
        return {"loss_d": loss_d.detach(), "d_fake": probs[:n].mean(), "d_real": probs[n:].mean()}

    def step_generator(self, n: int, generator: torch.Generator | None = None) -> dict[str, torch.Tensor]:
        """(2) Update G through a frozen D (and Q), with labels 1 ("real")."""
        model = self.model
        frozen = [model.discriminator, *([model.q_head] if self.codes else [])]
        for part in frozen:
            part.requires_grad_(False)
        try:
            codes, classes = self._noise(n)
            logits, loss_q = self._judged(self._seen(model.generate_raw(codes), generator), classes, n)
            if self.top_k < 1.0:
                logits = logits.flatten().topk(max(1, round(self.top_k * n))).values
            loss_g = F.binary_cross_entropy_with_logits(logits, torch.ones_like(logits))
            clear_grads(self.opt_g)
            (loss_g if loss_q is None else loss_g + self.code_weight * loss_q).backward()
            self.opt_g.step()
        finally:
            for part in frozen:
                part.requires_grad_(True)
        if loss_q is None:
            return {"loss_g": loss_g.detach()}
        return {"loss_g": loss_g.detach(), "loss_q": loss_q.detach()}

    def train_step(self, x: torch.Tensor) -> dict[str, torch.Tensor]:
        # one generator for the step's two phases, seeded from the run's seed and the step (as for the batches)
        generator = None if self.augmenter is None else self.augmenter.generator(x.device, self.global_step)
        values = self.step_discriminator(x, generator)
        values.update(self.step_generator(x.shape[0], generator))
        return values

    def single_phase(self, phase: str) -> dict[str, float]:
        """One step of phase "d" or "g", with D's scores on a fixed probe (real images and noise) before and
        after it (``d_real_before`` … ``d_fake_after``): what the step changed, free of batch-to-batch noise."""
        before = self.probe_scores()
        self.model.train()
        if phase == "d":
            indices = torch.randint(len(self.train_set), (self.config.batch_size,), generator=self.cpu_rng)
            values = self.step_discriminator(self.batch(indices.to(self.device)))
        else:
            values = self.step_generator(self.config.batch_size)
        after = self.probe_scores()
        result = {k: float(v) for k, v in values.items()}
        for name in ("d_real", "d_fake"):
            result[f"{name}_before"], result[f"{name}_after"] = before[name], after[name]
        return result

    def probe_scores(self) -> dict[str, float]:
        """D's mean score for a fixed batch of validation images (D(x)) and of fakes from the fixed noise
        (D(G(z))), in eval mode and without gradients."""
        model = self.model
        was_training = model.training
        model.eval()
        with torch.no_grad():
            n = min(len(self.fixed_noise), len(self.val_set)) or len(self.fixed_noise)
            real01 = self.val_set.images[:n].float().div(255.0) if len(self.val_set) else None
            fake = model.generate_raw(self.fixed_noise.to(self.device))
            d_fake = torch.sigmoid(model.discriminator_logits(fake)).mean()
            if real01 is not None:
                real = model.to_model_space(real01.reshape(-1, 1, 28, 28))
                d_real = torch.sigmoid(model.discriminator_logits(real)).mean()
            else:
                d_real = torch.tensor(float("nan"))
        model.train(was_training)
        return {"d_real": float(d_real), "d_fake": float(d_fake)}

    def optimizers(self):
        return {"opt_d": self.opt_d, "opt_g": self.opt_g}

    def snapshots(self):
        return [("samples", self.model.generate(self.fixed_noise), None)]

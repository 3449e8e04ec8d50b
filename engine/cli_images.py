"""The ``reconstruct`` and ``sample`` commands: a checkpoint's pictures written as PNG files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .cli_common import CLIError, _load_checkpoint, _output_folder, _print_json
from .i18n import _


def cmd_reconstruct(args: argparse.Namespace) -> int:
    import numpy as np

    from . import inference
    from .imageio import ImageError, read_image, write_png
    from .models import AUTOENCODER_FAMILIES

    checkpoint = _load_checkpoint(args.checkpoint)
    if checkpoint.meta["family"] not in AUTOENCODER_FAMILIES:
        raise CLIError(
            _("{checkpoint} is a {family}, not an autoencoder; use 'sample'").format(
                checkpoint=args.checkpoint, family=checkpoint.meta["family"]
            )
        )
    outputs = [f"{Path(p).stem}.{kind}.png" for p in args.images for kind in ("input", "recon")]
    out_dir = _output_folder(args.out_dir, "--out-dir", outputs)
    failures = 0
    for image_path in args.images:
        try:
            prepared = inference.prepare(read_image(image_path))
        except (ImageError, OSError) as exc:
            print(_("error: {reason}").format(reason=exc), file=sys.stderr)
            failures += 1
            continue
        result = inference.reconstruct(checkpoint.model, prepared.input)
        stem = Path(image_path).stem
        write_png(out_dir / f"{stem}.input.png", np.rint(prepared.input * 255).astype(np.uint8))
        write_png(out_dir / f"{stem}.recon.png", np.rint(result.output * 255).astype(np.uint8))
        _print_json(
            {
                "image": str(image_path),
                "bce": result.bce,
                "mse": result.mse,
                "psnr": result.psnr,
                "inverted": bool(prepared.inverted),
                "input": str(out_dir / f"{stem}.input.png"),
                "recon": str(out_dir / f"{stem}.recon.png"),
            }
        )
    return 1 if failures else 0


def cmd_sample(args: argparse.Namespace) -> int:
    import numpy as np

    from . import inference
    from .imageio import make_grid, write_png
    from .models import GENERATOR_FAMILIES

    checkpoint = _load_checkpoint(args.checkpoint)
    if checkpoint.meta["family"] not in GENERATOR_FAMILIES:
        raise CLIError(
            _("{checkpoint} is a {family} autoencoder; it cannot sample (use a gan, dcgan or vae checkpoint)").format(
                checkpoint=args.checkpoint, family=checkpoint.meta["family"]
            )
        )
    if not 1 <= args.n <= 10000:
        raise CLIError(_("--n must be between 1 and 10000, not {n}").format(n=args.n))
    out_dir = _output_folder(args.out_dir, "--out-dir")
    code_class = _code_class(args.class_code, checkpoint.model)
    class_name = getattr(args, "class_name", None)
    if class_name is not None:
        if code_class is not None:
            raise CLIError(_("give --class or --class-code, not both"))
        code_class = _named_class(class_name, checkpoint)
    truncation = _truncation(args, checkpoint)
    images = inference.sample(checkpoint.model, args.n, args.seed, truncation, code_class).images
    images = np.rint(np.clip(images, 0, 1) * 255).astype(np.uint8)
    for i, image in enumerate(images):
        write_png(out_dir / f"sample-{i:04d}.png", image)
    write_png(out_dir / "grid.png", make_grid(images))
    _print_json(
        {
            "n": args.n,
            "seed": args.seed,
            "truncation": truncation.to_dict(),
            "class_code": None if code_class is None else code_class + 1,
            "class": class_name,
            "grid": str(out_dir / "grid.png"),
            "out_dir": str(out_dir),
        }
    )
    return 0


def _code_class(number: int | None, model) -> int | None:
    """--class-code (1 to K, as the Generate page numbers them) as the engine's 0-based class, or None."""
    if number is None:
        return None
    from .sampling import class_codes

    count = class_codes(model)
    if not count:
        raise CLIError(_("this model has no class codes (only a DCGAN trained with --categorical-codes has)"))
    if not 1 <= number <= count:
        raise CLIError(_("--class-code must be between 1 and {count}, not {number}").format(count=count, number=number))
    return number - 1


def _named_class(name: str, checkpoint) -> int:
    """--class NAME (as the dataset names it: 7, Sneaker, or in the user's language) as a 0-based class."""
    from .data import class_names
    from .sampling import codes_are_classes

    if not codes_are_classes(checkpoint.model):
        raise CLIError(
            _(
                "--class needs a conditional DCGAN (trained with --categorical-codes 10 --code-source labels); "
                "use --class-code with codes the model learned itself"
            )
        )
    dataset = str((checkpoint.meta.get("dataset") or {}).get("name", ""))
    try:
        names = class_names(dataset)
    except ValueError as exc:
        raise CLIError(str(exc)) from exc
    wanted = name.strip().casefold()
    for k, known in enumerate(names[: checkpoint.model.categorical_codes]):
        if wanted in (known.casefold(), _(known).casefold()):
            return k
    raise CLIError(
        _("no class {name!r} in {dataset}: {names}").format(
            name=name, dataset=dataset, names=", ".join(_(n) for n in names)
        )
    )


def _truncation(args: argparse.Namespace, checkpoint):
    """--truncation / --psi, else the sampling the checkpoint recommends; a model's modes are found when needed."""
    from . import sampling

    recommended = sampling.Truncation.from_dict(checkpoint.meta.get("sampling"))
    mode = args.truncation or recommended.mode
    psi = args.psi if args.psi is not None else (0.7 if recommended.plain else recommended.psi)
    try:
        truncation = sampling.Truncation(mode, 1.0 if mode == "none" else psi)
    except ValueError as exc:
        raise CLIError(str(exc)) from exc
    if truncation.mode == "modes" and not truncation.plain and sampling.modes_of(checkpoint.model) is None:
        print(
            _("finding the modes of {checkpoint} (a minute or so)…").format(checkpoint=args.checkpoint), file=sys.stderr
        )
        sampling.attach(checkpoint.model, sampling.find_modes(checkpoint.model))
    return truncation

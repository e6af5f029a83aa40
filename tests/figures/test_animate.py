"""Animations for slides: `klviz export --animate SPEC` and `klviz.figures.save_animation`.

Contract under test:
    klviz export ... --animate SPEC --out FILE.{gif,webp,apng,mp4} [--frames N] [--fps F]
    SPEC: fit-forward | fit-reverse | fit-alpha:A | sweep:PARAM:FROM:TO
          PARAM: mu_q, sigma_q, mu_p, sigma_p (continuous) or p:I, q:I (discrete; I a label or a
          number counted from 1)
Files are read back with Pillow (frame count, size, timing); frames are compared pixel for pixel
with still PNG exports of states built here independently; bad input is one `klviz: error:` line,
exit 2, and no file.
"""

import json
import math
import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from test_export_cli import REPO, _env, assert_usage_error, export, ok

from klviz import animation
from klviz.core.spec import Mixture, Normal
from klviz.figures import continuous_figure, discrete_figure, save_figure
from klviz.figures import animate as anim

CONT = ("--p", "mixture:0.5,-2,0.7,2,0.7", "--q", "normal:0,1.5", "--view", "continuous")
DISC = ("--p", "0.1,0.4,0.5", "--q", "0.3,0.3,0.4", "--view", "discrete")
P_MIX = Mixture.from_params(0.5, -2.0, 0.7, 2.0, 0.7)
Q_N = Normal(0.0, 1.5)


def read_frames(path):
    """(frames as RGB arrays, per-frame durations in ms, the file's info) with Pillow."""
    with Image.open(path) as im:
        frames, durations = [], []
        for i in range(getattr(im, "n_frames", 1)):
            im.seek(i)
            frames.append(np.asarray(im.convert("RGB")))
            durations.append(im.info.get("duration"))
        return frames, durations, dict(im.info), im.format


def still_png(folder, view, P, Q, a, labels=None):
    """The still PNG export (save_figure) of (P, Q) at the animation's dpi, size and layout, read
    back as an RGB array."""
    if view == "discrete":
        fig = discrete_figure(P, Q, labels=labels, size=a.size, layout=a.layout)
    else:
        fig = continuous_figure(P, Q, size=a.size, layout=a.layout)
    path = Path(folder) / "still.png"
    save_figure(fig, path, dpi=a.dpi)
    with Image.open(path) as im:
        return np.asarray(im.convert("RGB"))


def moment_matched(w, m1, s1, m2, s2):
    """The Normal with a two-component mixture's mean and variance (by hand, not klviz)."""
    mean = w * m1 + (1 - w) * m2
    second = w * (s1 * s1 + m1 * m1) + (1 - w) * (s2 * s2 + m2 * m2)
    return mean, math.sqrt(second - mean * mean)


# --------------------------------------------------------------------------------------------
# Files: frame count, size, timing


@pytest.mark.parametrize("ext", [".gif", ".webp", ".apng"])
def test_frame_count_size_and_timing_read_back(tmp_path, ext):
    out = tmp_path / f"a{ext}"
    a = anim.save_animation(out, P_MIX, Q_N, "sweep:mu_q:-1:1", frames=6, fps=10, dpi=40)
    frames, durations, info, fmt = read_frames(out)
    assert fmt == {".gif": "GIF", ".webp": "WEBP", ".apng": "PNG"}[ext]
    assert len(frames) == 6
    w, h = a.pixel_size
    assert all(f.shape == (h, w, 3) for f in frames)
    assert (w, h) == tuple(round(v * 40) for v in a.size)
    assert durations == [100] * 6
    assert info.get("loop") == 0  # loops forever
    assert sorted(os.listdir(tmp_path)) == [out.name], "no temporary file left"


def test_gif_delays_keep_the_pace_in_hundredths(tmp_path):
    # 30 fps is 33.3 ms a frame: GIF delays are whole hundredths, so they alternate and add up.
    out = tmp_path / "a.gif"
    anim.save_animation(out, P_MIX, Q_N, "sweep:sigma_q:1:2", frames=7, fps=30, dpi=30)
    _, durations, _, _ = read_frames(out)
    assert len(durations) == 7 and set(durations) <= {30, 40}
    assert abs(sum(durations) - 7 * 1000 / 30) <= 5
    assert anim.frame_durations(7, 30, 10) == durations


def test_the_default_cli_animation_is_60_frames_at_20_fps(tmp_path):
    out = tmp_path / "fit.gif"
    ok(*CONT, "--animate", "fit-reverse", "--dpi", "30", "--out", out)  # (small frames: a quick test)
    frames, durations, _, _ = read_frames(out)
    assert len(frames) == 60 and durations == [50] * 60


def test_an_animation_is_100_dpi_by_default(tmp_path):
    out = tmp_path / "fit.apng"
    ok(*CONT, "--animate", "fit-reverse", "--frames", "2", "--out", out)
    frames, _, _, _ = read_frames(out)
    a = anim.make_animation(P_MIX, Q_N, "fit-reverse", frames=2, dpi=100)
    w, h = a.pixel_size
    assert frames[0].shape == (h, w, 3) and (w, h) == tuple(round(v * 100) for v in a.size)


# --------------------------------------------------------------------------------------------
# First and last frames are the still exports of the start and end states


def test_discrete_sweep_frames_match_stills_of_the_end_states(tmp_path):
    out = tmp_path / "s.apng"
    a = anim.save_animation(out, [0.1, 0.4, 0.5], [0.3, 0.3, 0.4], "sweep:q:1:0.05:0.6", frames=5, dpi=50)
    frames, _, _, _ = read_frames(out)
    # the others keep their proportions (0.3 : 0.4) and fill what is left, as a drag in the app
    q_start = [0.05, 0.3 / 0.7 * 0.95, 0.4 / 0.7 * 0.95]
    q_end = [0.6, 0.3 / 0.7 * 0.4, 0.4 / 0.7 * 0.4]
    for state, q in ((a.states[0], q_start), (a.states[-1], q_end)):
        np.testing.assert_allclose(state[1].probs, q, rtol=1e-12)
        np.testing.assert_allclose(state[0].probs, [0.1, 0.4, 0.5], rtol=1e-12)
    assert np.array_equal(frames[0], still_png(tmp_path, "discrete", [0.1, 0.4, 0.5], q_start, a))
    assert np.array_equal(frames[-1], still_png(tmp_path, "discrete", [0.1, 0.4, 0.5], q_end, a))
    assert not np.array_equal(frames[0], frames[-1])


def test_fit_forward_runs_from_the_given_q_to_moment_matching(tmp_path):
    out = tmp_path / "f.apng"
    a = anim.save_animation(out, P_MIX, Q_N, "fit-forward", frames=4, dpi=40)
    frames, _, _, _ = read_frames(out)
    mu, sigma = moment_matched(0.5, -2.0, 0.7, 2.0, 0.7)
    end = a.states[-1][1]
    assert end.mu == pytest.approx(mu, abs=1e-12) and end.sigma == pytest.approx(sigma, rel=1e-12)
    assert a.states[0][1] == Q_N
    assert np.array_equal(frames[0], still_png(tmp_path, "continuous", P_MIX, Q_N, a))
    assert np.array_equal(frames[-1], still_png(tmp_path, "continuous", P_MIX, Normal(mu, sigma), a))


def test_gif_frames_are_the_stills_up_to_the_palette(tmp_path):
    out = tmp_path / "f.gif"
    a = anim.save_animation(out, P_MIX, Q_N, "fit-forward", frames=3, dpi=40)
    frames, _, _, _ = read_frames(out)
    still = still_png(tmp_path, "continuous", P_MIX, Q_N, a)
    # exactly the still in a 256-colour palette of its own (median cut), and close to the still
    paletted = Image.fromarray(still).convert("P", palette=Image.Palette.ADAPTIVE).convert("RGB")
    assert np.array_equal(frames[0], np.asarray(paletted))
    assert np.abs(frames[0].astype(int) - still.astype(int)).mean() < 0.5


def test_fit_reverse_uses_the_apps_nearest_mode_fit():
    from klviz.core.gaussian import fit_reverse_kl_nearest_mode

    s = animation.animation_states("fit-reverse", P_MIX, Normal(1.2, 2.0), frames=10)
    expected = fit_reverse_kl_nearest_mode(P_MIX, Normal(1.2, 2.0)).normal
    assert s.states[-1][1] == expected
    assert expected.mu == pytest.approx(2.0, abs=0.1)  # the mode nearest the start, at +2
    assert s.states[0][1] == Normal(1.2, 2.0) and len(s.states) == 10


def test_a_mixture_q_starts_from_its_moment_matched_normal():
    q = Mixture.from_params(0.3, -1.0, 0.5, 3.0, 1.0)
    s = animation.animation_states("fit-reverse", P_MIX, q, frames=5)
    mu, sigma = moment_matched(0.3, -1.0, 0.5, 3.0, 1.0)
    assert s.states[0][1].mu == pytest.approx(mu, abs=1e-12)
    assert s.states[0][1].sigma == pytest.approx(sigma, rel=1e-12)
    assert any("moment-matched" in n for n in s.notes)


def test_fit_alpha_ends_where_fit_alpha_does():
    from klviz.core.alpha import fit_alpha

    try:
        expected = fit_alpha(P_MIX, Q_N, 0.5).normal
    except Exception as exc:  # noqa: BLE001 -- tests/core/test_alpha_fit.py reports fit_alpha itself
        pytest.skip(f"klviz.core.alpha.fit_alpha fails on this branch ({type(exc).__name__}: {exc})")
    s = animation.animation_states("fit-alpha:0.5", P_MIX, Q_N, frames=6)
    assert s.states[0][1] == Q_N and s.states[-1][1] == expected


def test_sweeps_of_mixture_parameters_move_the_first_component():
    s = animation.animation_states("sweep:mu_p:-3:-1", P_MIX, Q_N, frames=3)
    assert [st[0].components[0].mu for st in s.states] == [-3.0, -2.0, -1.0]
    assert all(st[0].components[1] == Normal(2.0, 0.7) and st[0].weight == 0.5 for st in s.states)
    assert all(st[1] == Q_N for st in s.states)
    s = animation.animation_states("sweep:sigma_q:0.5:2.5", P_MIX, Q_N, frames=5)
    assert [st[1].sigma for st in s.states] == [0.5, 1.0, 1.5, 2.0, 2.5]


def test_categories_count_from_one_and_labels_win():
    p, q = [0.2, 0.3, 0.5], [0.6, 0.2, 0.2]
    first = animation.animation_states("sweep:p:1:0.1:0.9", p, q, frames=2)
    assert first.states[0][0].probs[0] == pytest.approx(0.1)
    by_label = animation.animation_states("sweep:p:B:0.1:0.9", p, q, frames=2)
    assert by_label.states[-1][0].probs[1] == pytest.approx(0.9)
    # the other categories keep their proportions 0.2 : 0.5
    ratios = [st[0].probs[0] / st[0].probs[2] for st in by_label.states]
    assert ratios == pytest.approx([0.4, 0.4])
    # a label that looks like a number is that label
    labelled = animation.animation_states("sweep:q:1:0.1:0.9", p, q, frames=2, labels=["0", "1", "2"])
    assert labelled.states[0][1].probs[1] == pytest.approx(0.1)
    for bad in ("sweep:p:0:0.1:0.9", "sweep:p:4:0.1:0.9", "sweep:p:D:0.1:0.9"):
        with pytest.raises(ValueError, match="from 1 to 3"):
            animation.animation_states(bad, p, q, frames=2)


# --------------------------------------------------------------------------------------------
# Nothing jumps: every frame has the same axes


def _axes_facts(fig):
    facts = []
    for ax in fig.axes:
        ticks = [t.get_text() for t in ax.get_yticklabels()] + [t.get_text() for t in ax.get_xticklabels()]
        facts.append((tuple(ax.get_position().bounds), ax.get_xlim(), ax.get_ylim(), tuple(ticks)))
    return facts


def _same_axes(facts, first, loose=()):
    """Same boxes, limits and tick labels; but where D is infinite the decomposition's scale (axes
    listed in `loose`) stops at the finite values, as in a still: its ticks may then be the first
    ones of the others'."""
    assert len(facts) == len(first)
    for k, ((box, xlim, ylim, ticks), (box0, xlim0, ylim0, ticks0)) in enumerate(zip(facts, first)):
        assert (box, xlim, ylim) == (box0, xlim0, ylim0)
        if ticks != ticks0:
            assert k in loose, (ticks, ticks0)
            short, long = sorted((ticks, ticks0), key=len)
            assert long[: len(short)] == short, (ticks, ticks0)


@pytest.mark.parametrize("case", ["continuous sweep", "fit-reverse", "discrete sweep to infinity"])
def test_axes_are_fixed_over_the_whole_animation(case):
    if case == "continuous sweep":
        a = anim.make_animation(P_MIX, Q_N, "sweep:mu_q:-4:3", frames=7, dpi=40)
    elif case == "fit-reverse":
        a = anim.make_animation(P_MIX, Normal(0.3, 3.0), "fit-reverse", frames=7, dpi=40)
    else:
        a = anim.make_animation([0.1, 0.4, 0.5], [0.3, 0.3, 0.4], "sweep:q:2:0.6:0.0", frames=7, dpi=40)
    figures = [a.figure(i) for i in range(len(a.states))]
    first = _axes_facts(figures[0])
    for fig in figures[1:]:
        _same_axes(_axes_facts(fig), first, loose=(1,) if a.view == "discrete" else ())
        assert tuple(fig.get_size_inches()) == tuple(figures[0].get_size_inches())
    # the fixed limits hold what each state alone would show
    for P, Q in a.states:
        own = (discrete_figure(P, Q) if a.view == "discrete" else continuous_figure(P, Q))._klviz_layout
        for part, f in own["parts"].items():
            fixed = a.layout["parts"][part]
            assert fixed["xlim"][0] <= f["xlim"][0] + 1e-12 and f["xlim"][1] <= fixed["xlim"][1] + 1e-12
            assert fixed["ylim"][0] <= f["ylim"][0] + 1e-12 and f["ylim"][1] <= fixed["ylim"][1] + 1e-12
    # and the frames do change
    images = [np.asarray(im) for im in a.frames()]
    assert not np.array_equal(images[0], images[-1])


def test_the_default_still_export_is_unchanged_by_the_layout_keyword():
    fig = discrete_figure([0.1, 0.4, 0.5], [0.3, 0.3, 0.4])
    again = discrete_figure([0.1, 0.4, 0.5], [0.3, 0.3, 0.4], layout=None)
    assert _axes_facts(fig) == _axes_facts(again)
    # a figure given its own layout is the same figure
    same = discrete_figure([0.1, 0.4, 0.5], [0.3, 0.3, 0.4], size=tuple(fig.get_size_inches()),
                           layout=fig._klviz_layout)
    assert [f[1:] for f in _axes_facts(same)] == [f[1:] for f in _axes_facts(fig)]


@pytest.mark.parametrize("layout", [{}, {"origin": 0, "readout_w": 1, "parts": {"bars": {"xlim": (1, 0), "ylim": (0, 1)}}},
                                    {"origin": math.nan, "readout_w": 1, "parts": {}}, "layout"])
def test_a_bad_layout_is_a_value_error(layout):
    with pytest.raises(ValueError, match="layout"):
        discrete_figure([0.5, 0.5], [0.2, 0.8], layout=layout)


# --------------------------------------------------------------------------------------------
# Progress, cancel, atomic writes


def test_progress_is_told_and_cancel_leaves_no_file(tmp_path):
    out = tmp_path / "c.gif"
    out.write_bytes(b"the old file")
    seen = []

    def cancel():
        return len(seen) >= 7  # in the middle of drawing the frames

    with pytest.raises(anim.AnimationCancelled):
        anim.save_animation(out, P_MIX, Q_N, "sweep:mu_q:0:1", frames=5, dpi=30,
                            progress=lambda done, total: seen.append((done, total)), cancel=cancel)
    assert out.read_bytes() == b"the old file"
    assert sorted(os.listdir(tmp_path)) == ["c.gif"]
    assert seen == [(k, 11) for k in range(1, 8)]

    seen.clear()
    anim.save_animation(out, P_MIX, Q_N, "sweep:mu_q:0:1", frames=5, dpi=30,
                        progress=lambda done, total: seen.append((done, total)))
    assert seen == [(k, 11) for k in range(1, 12)]
    assert len(read_frames(out)[0]) == 5


def test_a_failing_writer_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    out = tmp_path / "w.webp"
    out.write_bytes(b"old")

    def half_then_fail(fh, fmt, images, fps):
        fh.write(b"RIFF half a file")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(anim, "_write_pillow", half_then_fail)
    with pytest.raises(OSError):
        anim.save_animation(out, P_MIX, Q_N, "fit-forward", frames=2, dpi=30)
    assert out.read_bytes() == b"old"
    assert sorted(os.listdir(tmp_path)) == ["w.webp"]


def test_animation_frames_returns_rgb_arrays():
    frames = anim.animation_frames([0.5, 0.5], [0.9, 0.1], "sweep:p:1:0.2:0.8", frames=3, dpi=30)
    assert len(frames) == 3 and all(f.dtype == np.uint8 and f.ndim == 3 and f.shape[2] == 3 for f in frames)
    assert len({f.shape for f in frames}) == 1


# --------------------------------------------------------------------------------------------
# MP4 through the optional video extra


def test_mp4_with_the_video_extra(tmp_path):
    ffmpeg = pytest.importorskip("imageio_ffmpeg", reason="the video extra (imageio-ffmpeg) is not installed")
    out = tmp_path / "v.mp4"
    ok(*CONT, "--animate", "sweep:mu_q:-1:1", "--frames", "5", "--fps", "10", "--dpi", "41", "--out", out)
    data = out.read_bytes()
    assert data[4:8] == b"ftyp"
    frames, _ = ffmpeg.count_frames_and_secs(str(out))  # (its seconds are wrong before 0.5)
    probe = subprocess.run([ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-i", str(out)], capture_output=True,
                           text=True, timeout=60).stderr
    duration = re.search(r"Duration: (\d+):(\d+):([\d.]+)", probe)
    seconds = int(duration[1]) * 3600 + int(duration[2]) * 60 + float(duration[3])
    assert frames == 5 and seconds == pytest.approx(0.5, abs=0.02)
    stream = re.search(r"Video: h264 .*?yuv420p.*?, (\d+)x(\d+)", probe)
    w, h = int(stream[1]), int(stream[2])  # the frames, padded to even sizes with at most one pixel
    anim_w, anim_h = anim.make_animation(P_MIX, Q_N, "sweep:mu_q:-1:1", frames=5, dpi=41).pixel_size
    assert (w, h) == (anim_w + anim_w % 2, anim_h + anim_h % 2)
    assert sorted(os.listdir(tmp_path)) == ["v.mp4"]


def test_mp4_without_the_video_extra_names_it(tmp_path):
    out = tmp_path / "v.mp4"
    code = ("import sys; sys.modules['imageio_ffmpeg'] = None\n"  # as if it were not installed
            "from klviz.cli import main; sys.exit(main(sys.argv[1:]))")
    proc = subprocess.run([sys.executable, "-W", "error", "-c", code, "export", *CONT, "--animate", "fit-forward",
                           "--out", str(out)], capture_output=True, cwd=REPO, env=_env(), timeout=120)
    line = assert_usage_error((proc.returncode, proc.stdout.decode(), proc.stderr.decode()))
    assert "pip install 'klviz[video]'" in line and "imageio-ffmpeg" in line
    assert not out.exists() and os.listdir(tmp_path) == []


# --------------------------------------------------------------------------------------------
# The command line: labels, notes, and every bad argument


def test_a_session_label_names_the_swept_bar(tmp_path):
    session = tmp_path / "s.klviz"
    session.write_text(json.dumps({"format": "klviz-session", "version": 1, "discrete": {
        "labels": ["cat", "dog", "fish"], "p": [0.2, 0.3, 0.5], "q": [0.4, 0.4, 0.2]}}))
    out = tmp_path / "s.webp"
    assert ok("--session", session, "--view", "discrete", "--animate", "sweep:q:dog:0.1:0.7", "--frames", "3",
              "--out", out) == ""
    assert len(read_frames(out)[0]) == 3
    line = assert_usage_error(export("--session", session, "--view", "discrete", "--animate",
                                     "sweep:q:cow:0.1:0.7", "--out", tmp_path / "x.gif"))
    assert "cat, dog, fish" in line


def test_a_fit_from_a_mixture_q_says_so_in_a_note(tmp_path):
    out = tmp_path / "n.apng"
    err = ok("--p", "normal:0,1", "--q", "mixture:0.5,-1,1,2,1", "--view", "continuous", "--animate", "fit-forward",
             "--frames", "2", "--dpi", "30", "--out", out)
    assert err.startswith("klviz: note: Q is a mixture") and err.count("\n") == 1


BAD = {
    "png with animate": (*CONT, "--animate", "fit-reverse", "--out", "{dir}/x.png"),
    "svg with animate": (*CONT, "--animate", "fit-reverse", "--out", "{dir}/x.svg"),
    "pdf with animate": (*CONT, "--animate", "fit-reverse", "--out", "{dir}/x.pdf"),
    "gif without animate": (*CONT, "--out", "{dir}/x.gif"),
    "unknown extension": (*CONT, "--animate", "fit-reverse", "--out", "{dir}/x.avi"),
    "frames without animate": (*CONT, "--frames", "10", "--out", "{dir}/x.png"),
    "fps without animate": (*CONT, "--fps", "10", "--out", "{dir}/x.png"),
    "unknown spec": (*CONT, "--animate", "spin", "--out", "{dir}/x.gif"),
    "empty spec": (*CONT, "--animate", "", "--out", "{dir}/x.gif"),
    "alpha missing": (*CONT, "--animate", "fit-alpha", "--out", "{dir}/x.gif"),
    "alpha nan": (*CONT, "--animate", "fit-alpha:nan", "--out", "{dir}/x.gif"),
    "alpha word": (*CONT, "--animate", "fit-alpha:half", "--out", "{dir}/x.gif"),
    "sweep short": (*CONT, "--animate", "sweep:mu_q:1", "--out", "{dir}/x.gif"),
    "sweep unknown param": (*CONT, "--animate", "sweep:nu:0:1", "--out", "{dir}/x.gif"),
    "sweep from inf": (*CONT, "--animate", "sweep:mu_q:-inf:1", "--out", "{dir}/x.gif"),
    "sweep to nan": (*CONT, "--animate", "sweep:mu_p:0:nan", "--out", "{dir}/x.gif"),
    "sweep sigma zero": (*CONT, "--animate", "sweep:sigma_q:0:2", "--out", "{dir}/x.gif"),
    "sweep sigma negative": (*CONT, "--animate", "sweep:sigma_p:1:-2", "--out", "{dir}/x.gif"),
    "sweep mu huge": (*CONT, "--animate", "sweep:mu_q:0:1e301", "--out", "{dir}/x.gif"),
    "sweep still": (*CONT, "--animate", "sweep:mu_q:1:1", "--out", "{dir}/x.gif"),
    "sweep p on continuous": (*CONT, "--animate", "sweep:p:1:0:1", "--out", "{dir}/x.gif"),
    "sweep mu on discrete": (*DISC, "--animate", "sweep:mu_q:0:1", "--out", "{dir}/x.gif"),
    "fit on discrete": (*DISC, "--animate", "fit-forward", "--out", "{dir}/x.gif"),
    "category zero": (*DISC, "--animate", "sweep:p:0:0.1:0.5", "--out", "{dir}/x.gif"),
    "category too big": (*DISC, "--animate", "sweep:q:4:0.1:0.5", "--out", "{dir}/x.gif"),
    "category unknown": (*DISC, "--animate", "sweep:q:Z:0.1:0.5", "--out", "{dir}/x.gif"),
    "category missing": (*DISC, "--animate", "sweep:q:0.1:0.5", "--out", "{dir}/x.gif"),
    "mass above one": (*DISC, "--animate", "sweep:p:1:0.1:1.5", "--out", "{dir}/x.gif"),
    "mass negative": (*DISC, "--animate", "sweep:p:1:-0.1:0.5", "--out", "{dir}/x.gif"),
    "frames one": (*CONT, "--animate", "fit-reverse", "--frames", "1", "--out", "{dir}/x.gif"),
    "frames too many": (*CONT, "--animate", "fit-reverse", "--frames", "601", "--out", "{dir}/x.gif"),
    "frames fraction": (*CONT, "--animate", "fit-reverse", "--frames", "2.5", "--out", "{dir}/x.gif"),
    "frames word": (*CONT, "--animate", "fit-reverse", "--frames", "many", "--out", "{dir}/x.gif"),
    "fps zero": (*CONT, "--animate", "fit-reverse", "--fps", "0", "--out", "{dir}/x.gif"),
    "fps negative": (*CONT, "--animate", "fit-reverse", "--fps", "-5", "--out", "{dir}/x.gif"),
    "fps inf": (*CONT, "--animate", "fit-reverse", "--fps", "inf", "--out", "{dir}/x.webp"),
    "fps nan": (*CONT, "--animate", "fit-reverse", "--fps", "nan", "--out", "{dir}/x.webp"),
    "fps above 60": (*CONT, "--animate", "fit-reverse", "--fps", "61", "--out", "{dir}/x.apng"),
    "gif fps above 50": (*CONT, "--animate", "fit-reverse", "--fps", "55", "--out", "{dir}/x.gif"),
    "dpi too many pixels": (*CONT, "--animate", "fit-reverse", "--dpi", "400", "--out", "{dir}/x.gif"),
    "dpi tiny frames": (*CONT, "--animate", "fit-reverse", "--dpi", "1", "--out", "{dir}/x.gif"),
    "dpi word": (*CONT, "--animate", "fit-reverse", "--dpi", "lots", "--out", "{dir}/x.gif"),
    "size too small": (*CONT, "--animate", "fit-reverse", "--size", "3x2", "--out", "{dir}/x.gif"),
    "animate twice": (*CONT, "--animate", "fit-reverse", "--animate", "fit-forward", "--out", "{dir}/x.gif"),
    "missing folder": (*CONT, "--animate", "fit-reverse", "--out", "{dir}/nope/x.gif"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_animation_arguments(tmp_path, case):
    args = [a.format(dir=tmp_path) for a in BAD[case]]
    line = assert_usage_error(export(*args))
    assert os.listdir(tmp_path) == [], "no file, not even a temporary one"
    if case == "png with animate":
        assert ".apng" in line
    if case == "gif fps above 50":
        assert "GIF" in line


def test_a_failing_fit_is_one_line_not_a_traceback(tmp_path, monkeypatch, capsys):
    from klviz.cli import main
    from klviz.core import gaussian

    def broken(P, start, steps=60):
        raise AttributeError("a bug in the fit")

    monkeypatch.setattr(gaussian, "fit_forward_kl", broken)
    code = main(["export", *CONT, "--animate", "fit-forward", "--out", str(tmp_path / "x.gif")])
    out, err = capsys.readouterr()
    assert code == 2 and out == "" and err.count("\n") == 1
    assert err.startswith("klviz: error: --animate: cannot compute the animation (internal error AttributeError")
    assert os.listdir(tmp_path) == []


def test_a_bad_spec_is_refused_before_matplotlib_is_loaded(tmp_path):
    code = ("import sys\nfrom klviz.cli import main\n"
            "code = main(sys.argv[1:])\n"
            "print(code, any(m.startswith('matplotlib') for m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code, "export", *DISC, "--animate", "sweep:p:9:0:1", "--out",
                           str(tmp_path / "x.gif")], capture_output=True, text=True, env=_env(), timeout=120)
    assert proc.stdout.split() == ["2", "False"], proc.stdout + proc.stderr


def test_help_describes_animations(capsys):
    from klviz.cli import main

    with pytest.raises(SystemExit):
        main(["export", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    for text in ("--animate", "--frames", "--fps", "fit-reverse", "sweep:PARAM:FROM:TO", "counted from 1",
                 "first component", "pip install 'klviz[video]'"):
        assert text in out, text

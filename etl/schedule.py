"""Scheduled refreshes: ``python -m etl schedule --cron "0 2 * * *"``.

APScheduler runs the refresh on a cron expression in this process; each run is
logged, and a failed run is logged and recorded (in the run log beside the
database) without stopping the schedule. Runs never overlap: the scheduler
allows one instance of the job, and the refresh lock guards against refreshes
started elsewhere.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger

from etl.lock import RefreshLockedError
from etl.publish import DiskFullError
from etl.refresh import TableShrankError, refresh
from etl.sources.common import InputError
from etl.systems import System

__all__ = ["ScheduledRefresh", "build_scheduler", "run_scheduled_refresh"]

log = logging.getLogger("plcnet.schedule")


@dataclass(frozen=True)
class ScheduledRefresh:
    raw_dir: Path
    db_path: Path
    reference_dir: Path
    max_shrink: float
    pseudonym_key_file: Path | None = None
    system: System | None = None


def run_scheduled_refresh(job: ScheduledRefresh) -> str:
    """Run one refresh for the schedule; log the outcome and return its status."""
    log.info("refresh starting: %s -> %s", job.raw_dir, job.db_path)
    try:
        result = refresh(
            job.raw_dir,
            job.db_path,
            job.reference_dir,
            trigger="schedule",
            progress=log.info,
            max_shrink=job.max_shrink,
            pseudonym_key_file=job.pseudonym_key_file,
            system=job.system,
        )
    except (InputError, TableShrankError, DiskFullError) as error:
        log.error("refresh failed, the published database was not changed: %s", error)
        return "failed"
    except RefreshLockedError as error:
        log.warning("refresh skipped: %s", error)
        return "skipped"
    except Exception:
        # The schedule must outlive any one bad night; the traceback goes to the log.
        log.exception("refresh failed unexpectedly; the published database was not changed")
        return "failed"
    log.info(
        "refresh %s succeeded in %.1f s: %s",
        result.run_id,
        result.seconds,
        ", ".join(f"{t} {n:,}" for t, n in result.row_counts.items()),
    )
    return "success"


def build_scheduler(job: ScheduledRefresh, cron: str, timezone: str = "UTC") -> BlockingScheduler:
    """A scheduler that runs ``job`` on the crontab expression ``cron``."""
    try:
        trigger = CronTrigger.from_crontab(cron, timezone=timezone)
    except ValueError as error:
        raise ValueError(
            f"--cron {cron!r} is not a crontab expression such as "
            f"'0 2 * * *' (minute hour day month weekday): {error}"
        ) from error
    scheduler = BlockingScheduler(timezone=timezone)
    scheduler.add_job(
        run_scheduled_refresh,
        trigger,
        args=[job],
        id="refresh",
        max_instances=1,
        coalesce=True,
        misfire_grace_time=3600,
    )
    return scheduler

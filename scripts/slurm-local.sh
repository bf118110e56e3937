#!/usr/bin/env bash
# A single-node Slurm cluster on this machine for the tests of `neuromorph sweep --slurm` (Debian's slurm-wlm and
# munge; run as root). `scripts/slurm-local.sh start` writes a configuration under /tmp/neuromorph-slurm, starts munged,
# slurmctld and slurmd on localhost and waits until the node is idle; it prints the SLURM_CONF to export.
# `scripts/slurm-local.sh stop` stops the three daemons. Exit 3 when Slurm cannot run here, with the reason.
set -uo pipefail
dir=/tmp/neuromorph-slurm
conf=$dir/slurm.conf
cmd=${1:-start}

fail() { echo "slurm-local: $*" >&2; exit 3; }

stop() {
  pkill -x slurmd 2>/dev/null; pkill -x slurmctld 2>/dev/null
  [[ -f $dir/munged.pid ]] && kill "$(cat $dir/munged.pid)" 2>/dev/null
  rm -f $dir/munged.pid
  return 0
}

if [[ $cmd == stop ]]; then stop; exit 0; fi

for b in munged slurmctld slurmd sbatch sinfo; do command -v $b >/dev/null 2>&1 || [[ -x /usr/sbin/$b ]] || fail "$b is not installed (apt-get install slurm-wlm munge)"; done
[[ $(id -u) -eq 0 ]] || fail "the local cluster needs root (slurmd runs jobs as their user)"

mkdir -p $dir/spool/ctld $dir/spool/d $dir/log /run/munge /var/log/munge /var/lib/munge
chown -R munge:munge /run/munge /var/log/munge /var/lib/munge /etc/munge 2>/dev/null
if [[ ! -s /etc/munge/munge.key ]]; then
  dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none || fail "cannot write /etc/munge/munge.key"
  chown munge:munge /etc/munge/munge.key; chmod 400 /etc/munge/munge.key
fi
if ! pgrep -x munged >/dev/null; then
  runuser -u munge -- /usr/sbin/munged --pid-file=/run/munge/munged.pid >$dir/log/munged.out 2>&1 || /usr/sbin/munged --force >$dir/log/munged.out 2>&1 || fail "munged did not start: $(tail -1 $dir/log/munged.out)"
fi
pgrep -x munged > $dir/munged.pid

host=$(hostname -s)
cpus=$(nproc)
mem=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 - 1024 ))
cat > $conf <<CONF
ClusterName=neuromorph
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$dir/spool/ctld
SlurmdSpoolDir=$dir/spool/d
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
NodeName=$host CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$conf
pgrep -x slurmctld >/dev/null || /usr/sbin/slurmctld -c -f $conf >$dir/log/ctld.out 2>&1 || fail "slurmctld did not start: $(tail -2 $dir/log/slurmctld.log 2>/dev/null)"
pgrep -x slurmd >/dev/null || /usr/sbin/slurmd -f $conf >$dir/log/d.out 2>&1 || fail "slurmd did not start: $(tail -2 $dir/log/slurmd.log 2>/dev/null)"
for i in $(seq 1 30); do
  state=$(sinfo -h -o %t 2>/dev/null | head -1)
  [[ $state == idle* || $state == mix* ]] && { echo "SLURM_CONF=$conf"; exit 0; }
  sleep 1
done
fail "the node did not become idle in 30 s (state '${state:-none}'; $dir/log/slurmd.log: $(tail -1 $dir/log/slurmd.log 2>/dev/null))"

"""A moto server of a probe's own, on a free port, and moto's CPU read from /proc: what the moto_*.py probes share."""
import contextlib, os, socket, subprocess, time
import boto3


def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p


def cpu_ms(pid):
    """CPU (user + system) the process has used so far, in ms."""
    f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12])) * 1000.0 / os.sysconf("SC_CLK_TCK")


def dynamodb(port, config=None):
    return boto3.client("dynamodb", endpoint_url=f"http://127.0.0.1:{port}", region_name="us-east-1",
                        aws_access_key_id="t", aws_secret_access_key="t", config=config)


@contextlib.contextmanager
def started(command=("moto_server",), ready_after=2.0):
    """Starts `command -H 127.0.0.1 -p <free port>`, gives it `ready_after` s, yields (port, pid); stops it after."""
    port = free_port()
    moto = subprocess.Popen([*command, "-H", "127.0.0.1", "-p", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(ready_after)
        yield port, moto.pid
    finally:
        moto.terminate(); moto.wait()

"""The headers match the shared library they describe: the functions
capi/include/genvm_calldata.h declares are the ones exported, and each error
code (its own and the calldata kinds of genvm_abi.h) has the name the
library gives it. Run by capi/tests/run.sh with the library's path as the
argument."""

import ctypes
import pathlib
import re
import subprocess
import sys
import unittest

INCLUDE = pathlib.Path(__file__).resolve().parents[1] / "include"
HEADER = (INCLUDE / "genvm_calldata.h").read_text()
ABI_HEADER = (INCLUDE / "genvm_abi.h").read_text()
LIBRARY = sys.argv.pop(1)


class Header(unittest.TestCase):
    def test_declared_functions_are_the_exported_ones(self):
        declared = set(re.findall(r"\b(gvc_\w+)\(", HEADER))
        nm = subprocess.run(["nm", "-D", "--defined-only", LIBRARY], capture_output=True, text=True,
                            check=True).stdout
        exported = {line.split()[-1] for line in nm.splitlines() if line.split()[-1].startswith("gvc_")}
        self.assertEqual(declared, exported)

    def test_error_codes_have_the_librarys_names(self):
        error_name = ctypes.CDLL(LIBRARY).gvc_error_name
        error_name.argtypes = [ctypes.c_int32]
        error_name.restype = ctypes.c_char_p
        codes = re.findall(r"\bGVC_(OK|ERR_\w+) = (\d+)", HEADER + ABI_HEADER)
        self.assertEqual(len(codes), 23)
        for name, number in codes:
            expected = "ok" if name == "OK" else name[len("ERR_"):].lower()
            self.assertEqual(error_name(int(number)).decode(), expected)


if __name__ == "__main__":
    unittest.main()

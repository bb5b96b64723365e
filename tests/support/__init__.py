"""Helpers the tests share: records, hostile input, the crash writer, the offline driver, the CLI in process."""

"""Helpers the tests share: realistic records, hostile input, the crash writer, the offline driver, the CLI in process."""

"""Helpers the tests share: realistic records, hostile input, the crash writer and the offline driver."""

"""Evaluations of Akhbar's stages against gold data."""

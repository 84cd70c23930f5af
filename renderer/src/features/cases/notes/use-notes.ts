import { useCallback, useEffect, useState } from 'react';
import type { AppErrorShape } from '../../../../../shared/contract/errors';
import type { Result } from '../../../../../shared/contract/result';
import type { Note } from '../../../../../shared/domain/people';
import { useMesa } from '../../../api/mesa-context';

export interface NotesState {
  readonly notes: readonly Note[];
  readonly error: AppErrorShape | null;
  readonly loading: boolean;
  add(body: string): Promise<boolean>;
  update(note: Note, body: string): Promise<boolean>;
  remove(note: Note): Promise<boolean>;
  reload(): void;
}

const newestFirst = (notes: readonly Note[]): readonly Note[] => [...notes].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

/** The private notes of one case, with add/edit/delete as immutable updates of the list. */
export function useNotes(caseId: string, onChanged: () => void): NotesState {
  const api = useMesa();
  const [notes, setNotes] = useState<readonly Note[]>([]);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [loading, setLoading] = useState(true);
  const [revision, setRevision] = useState(0);

  useEffect(() => {
    let current = true;
    void api.listNotes({ caseId }).then((result) => {
      if (!current) return;
      setLoading(false);
      if (result.ok) setNotes(newestFirst(result.value));
      setError(result.ok ? null : result.error);
    });
    return () => {
      current = false;
    };
  }, [api, caseId, revision]);

  /** Applies a successful result to the list, or keeps the error; says whether it worked. */
  const settle = useCallback(<T,>(result: Result<T>, apply: (value: T) => void): boolean => {
    if (!result.ok) {
      setError(result.error);
      return false;
    }
    setError(null);
    apply(result.value);
    onChanged();
    return true;
  }, [onChanged]);

  const add = useCallback(
    async (body: string) => settle(await api.addNote({ caseId, body }), (note) => setNotes((prev) => newestFirst([note, ...prev]))),
    [api, caseId, settle],
  );
  const update = useCallback(
    async (note: Note, body: string) =>
      settle(await api.updateNote({ noteId: note.id, body, expectedVersion: note.version }), (saved) =>
        setNotes((prev) => prev.map((n) => (n.id === saved.id ? saved : n))),
      ),
    [api, settle],
  );
  const remove = useCallback(
    async (note: Note) => settle(await api.deleteNote({ noteId: note.id }), ({ noteId }) => setNotes((prev) => prev.filter((n) => n.id !== noteId))),
    [api, settle],
  );
  const reload = useCallback(() => setRevision((n) => n + 1), []);

  return { notes, error, loading, add, update, remove, reload };
}

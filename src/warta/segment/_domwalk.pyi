from warta.model import Block
from warta.segment.html import DeadlineLike

def bind(library_path: str) -> None: ...
def walk(
    root_id: int, document_id: int, base_url: str | None, deadline: DeadlineLike | None
) -> list[Block]: ...
